import type { DispatchPlan } from '../planning/dispatch-plan';
import type { PlanVersionRecord } from './plan-version';
import { sandboxFailures, type SandboxFailure, type SandboxVerdict } from './sandbox-verdict';

/** A rejected proposal with no issued version to fall back to: a person must decide. */
export interface SandboxReviewItem {
  /** Matches the `SANDBOX_VALIDATION_FAILED` cause of the Avro `ReviewItemRaised`. */
  readonly kind: 'SANDBOX_VALIDATION_FAILED';
  readonly dispatchPlanId: string;
  readonly version: number;
  readonly orderIds: readonly string[];
  readonly failures: readonly SandboxFailure[];
  readonly detail: string;
}

/**
 * What happens to a proposal after its sandbox dry run: `ISSUE` it; `FALL_BACK` to the latest
 * issued version (which stays in force) with the reasons; or raise a `REVIEW` item when there is
 * no issued version to fall back to. The rejected proposal is always returned as a record, so
 * the order log keeps every version and why it was refused.
 */
export type PlanIssueDecision =
  | { readonly outcome: 'ISSUE'; readonly issued: PlanVersionRecord }
  | { readonly outcome: 'FALL_BACK'; readonly rejected: PlanVersionRecord; readonly current: PlanVersionRecord; readonly failures: readonly SandboxFailure[] }
  | { readonly outcome: 'REVIEW'; readonly rejected: PlanVersionRecord; readonly reviewItem: SandboxReviewItem; readonly failures: readonly SandboxFailure[] };

/** The three facts `decidePlanIssue` weighs. */
export interface PlanIssueInput {
  readonly proposal: DispatchPlan;
  readonly verdict: SandboxVerdict;
  /** Earlier versions of the same plan (other plan ids are ignored). */
  readonly history: readonly PlanVersionRecord[];
}

/**
 * The fallback model (DESIGN.md, sandbox validation): every sub-order is dry-run against the
 * warehouse inventory API, the carrier waybill API and the e-waybill API; any failure falls back
 * to the previous plan version (the article: 任一环节失败则回退至上一版分单方案), or, with none,
 * raises a review item.
 *
 * @example
 * const next = decidePlanIssue({ proposal: plan, verdict, history });
 * if (next.outcome === 'FALL_BACK') keep(next.current); // and log next.rejected with next.failures
 */
export function decidePlanIssue({ proposal, verdict, history }: PlanIssueInput): PlanIssueDecision {
  const failures = sandboxFailures(proposal, verdict);
  const base = { dispatchPlanId: proposal.dispatchPlanId, version: proposal.version, plan: proposal, sandbox: verdict };
  if (failures.length === 0) return { outcome: 'ISSUE', issued: { ...base, status: 'ISSUED', failures: [] } };
  const rejected: PlanVersionRecord = { ...base, status: 'REJECTED', failures };
  const current = latestIssued(history, proposal);
  if (current !== undefined) return { outcome: 'FALL_BACK', rejected, current, failures };
  const detail = `plan ${proposal.dispatchPlanId} v${proposal.version} failed sandbox validation and has no issued version to fall back to: ${failures
    .map((failure) => `${failure.subOrderId ?? 'plan'} ${failure.api ?? 'verdict'}: ${failure.reason}`)
    .join('; ')}`;
  const reviewItem: SandboxReviewItem = {
    kind: 'SANDBOX_VALIDATION_FAILED', dispatchPlanId: proposal.dispatchPlanId, version: proposal.version,
    orderIds: proposal.orderIds, failures, detail,
  };
  return { outcome: 'REVIEW', rejected, reviewItem, failures };
}

function latestIssued(history: readonly PlanVersionRecord[], proposal: DispatchPlan): PlanVersionRecord | undefined {
  return history
    .filter((record) => record.dispatchPlanId === proposal.dispatchPlanId && record.status === 'ISSUED' && record.version < proposal.version)
    .reduce<PlanVersionRecord | undefined>((latest, record) => (latest === undefined || record.version > latest.version ? record : latest), undefined);
}
