import type { DispatchPlan } from '../planning/dispatch-plan';

/** The three dry runs every sub-order goes through before a plan is issued (子单沙盒验证). */
export type SandboxApi = 'INVENTORY' | 'CARRIER_WAYBILL' | 'E_WAYBILL';

/** The APIs in the article's order: warehouse inventory, carrier waybill, e-waybill. */
export const SANDBOX_APIS: readonly SandboxApi[] = Object.freeze(['INVENTORY', 'CARRIER_WAYBILL', 'E_WAYBILL']);

/** One API's answer for one sub-order. */
export interface SandboxAnswer {
  readonly api: SandboxApi;
  readonly subOrderId: string;
  readonly ok: boolean;
  /** The API's reason when it failed (error code and message as returned). */
  readonly reason: string | null;
}

/** What the fulfilment side answered for one proposal. */
export interface SandboxVerdict {
  readonly dispatchPlanId: string;
  readonly version: number;
  readonly answers: readonly SandboxAnswer[];
}

/** Why a proposal did not pass; `api`/`subOrderId` are `null` when the verdict as a whole is wrong. */
export interface SandboxFailure {
  readonly api: SandboxApi | null;
  readonly subOrderId: string | null;
  readonly reason: string;
}

/**
 * Every failure of `verdict` for `plan`: a failed answer, a missing answer (a sub-order not
 * dry-run against one of the three APIs has not passed), an answer for a sub-order the plan does
 * not have, or a verdict for another plan version. Empty when the proposal may be issued.
 */
export function sandboxFailures(plan: DispatchPlan, verdict: SandboxVerdict): SandboxFailure[] {
  if (verdict.dispatchPlanId !== plan.dispatchPlanId || verdict.version !== plan.version) {
    const reason = `the verdict is for ${verdict.dispatchPlanId} v${verdict.version}, not ${plan.dispatchPlanId} v${plan.version}`;
    return [{ api: null, subOrderId: null, reason }];
  }
  const known = new Set(plan.subOrders.map((subOrder) => subOrder.subOrderId));
  const unknown = verdict.answers
    .filter((answer) => !known.has(answer.subOrderId))
    .map((answer) => ({ api: answer.api, subOrderId: answer.subOrderId, reason: `answer for ${answer.subOrderId}, which the plan does not have` }));
  const perSubOrder = plan.subOrders.flatMap(({ subOrderId }) => SANDBOX_APIS.flatMap((api) => failuresOf(verdict, api, subOrderId)));
  return [...perSubOrder, ...unknown];
}

function failuresOf(verdict: SandboxVerdict, api: SandboxApi, subOrderId: string): SandboxFailure[] {
  const answers = verdict.answers.filter((answer) => answer.api === api && answer.subOrderId === subOrderId);
  if (answers.length === 0) return [{ api, subOrderId, reason: `no ${api} answer` }];
  return answers.filter((answer) => !answer.ok).map((answer) => ({ api, subOrderId, reason: answer.reason ?? `${api} failed without a reason` }));
}
