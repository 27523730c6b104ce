import { counter } from '../orders/order-metrics';

/** Split decisions made, by outcome (PROPOSED, REVIEW, REJECTED, DEFERRED). */
export const dispatchDecisionsTotal = counter('oms_dispatch_decisions_total', 'Dispatch (split) decisions made', ['outcome']);

/** Sandbox answers decided, by outcome (ISSUE, FALL_BACK, REVIEW, WITHDRAWN). */
export const sandboxAnswersTotal = counter('oms_dispatch_sandbox_answers_total', 'Sandbox validation answers decided', ['outcome']);

/** WMS scans taken, by flag (`none` when the scan matches the plan in force; UNKNOWN_PLAN when no plan has its id). */
export const wmsScansTotal = counter('oms_dispatch_wms_scans_total', 'WMS/TMS scans recorded on the dispatch trail', ['flag']);
