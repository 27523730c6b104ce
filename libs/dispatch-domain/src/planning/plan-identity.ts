import type { PlanVersionRef } from '../fallback/plan-version';
import { fnv1a64 } from '../determinism/fnv1a64';

/** The id and version a new plan proposal gets. */
export interface PlanIdentity {
  readonly dispatchPlanId: string;
  readonly version: number;
  /** Latest ISSUED version, which the proposal would replace; `null` when none was issued. */
  readonly previousVersion: number | null;
}

/**
 * A plan id derived from its inputs, never drawn at random: `DP-` + FNV-1a 64 of the seed and
 * the first order of the plan (canonical order). The version is not part of the id — a plan
 * keeps its `dispatch_plan_id` across versions so every scan traces back to it (DESIGN.md).
 *
 * @example
 * derivePlanId('oms-prod', 'order-1'); // 'DP-' + 16 hex digits, always the same
 */
export function derivePlanId(planIdSeed: string, firstOrderId: string): string {
  return `DP-${fnv1a64(`${planIdSeed}\u0000${firstOrderId}`).toUpperCase()}`;
}

/**
 * Identity of the next proposal: a first plan derives its id; a re-plan keeps the id of its
 * history and takes the version after the highest one recorded (issued or rejected), so a
 * rejected proposal's version number is never reused.
 */
export function nextPlanIdentity(planIdSeed: string, firstOrderId: string, history: readonly PlanVersionRef[]): PlanIdentity {
  if (history.length === 0) return { dispatchPlanId: derivePlanId(planIdSeed, firstOrderId), version: 1, previousVersion: null };
  const issued = history.filter((record) => record.status === 'ISSUED').map((record) => record.version);
  return {
    dispatchPlanId: history[0].dispatchPlanId,
    version: Math.max(...history.map((record) => record.version)) + 1,
    previousVersion: issued.length > 0 ? Math.max(...issued) : null,
  };
}

/** Sub-order ids: the plan id, the version and the sub-order's rank (strictest SLA first), from 01. */
export function subOrderId(dispatchPlanId: string, version: number, index: number): string {
  return `${dispatchPlanId}-v${version}-${String(index + 1).padStart(2, '0')}`;
}
