import type { DispatchPlan } from '../planning/dispatch-plan';
import type { SandboxFailure, SandboxVerdict } from './sandbox-verdict';

/** Where a plan version stands: issued to WMS/TMS, or rejected by sandbox validation. */
export type PlanVersionStatus = 'ISSUED' | 'REJECTED';

/** The minimum `planDispatch` needs of a plan's history to number the next version. */
export interface PlanVersionRef {
  readonly dispatchPlanId: string;
  readonly version: number;
  readonly status: PlanVersionStatus;
}

/** One version of a plan as the order log keeps it: the plan, its sandbox answers and the outcome. */
export interface PlanVersionRecord extends PlanVersionRef {
  readonly plan: DispatchPlan;
  readonly sandbox: SandboxVerdict;
  /** Why it was rejected (empty when issued). */
  readonly failures: readonly SandboxFailure[];
}
