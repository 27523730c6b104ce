import { canonicalJson, toDispatchPlannedRecord, type DispatchPlan, type SandboxFailure } from '@oms/dispatch-domain';
import type { Address, DispatchPlanned, DispatchProposalRejected, DispatchProposed, RecordTypes, ReviewItemRaised, SandboxValidationResult } from '@oms/contracts';
import { contractApiName } from './sandbox-api';

/** An order-log record of the dispatch trail, ready to encode. */
export type TrailRecord = { [N in 'DispatchProposed' | 'DispatchProposalRejected' | 'DispatchScanRecorded' | 'ReviewItemRaised']: { recordName: N; value: RecordTypes[N] } }[
  'DispatchProposed' | 'DispatchProposalRejected' | 'DispatchScanRecorded' | 'ReviewItemRaised'
];

/** When an event happened: epoch ms and the ISO-8601 text with its offset. */
export interface At {
  occurredAt: number;
  occurredAtText: string;
}

/** `DispatchProposed` on one order of the plan: the sub-orders, the address, and why (decision inputs). */
export function proposedRecord(plan: DispatchPlan, orderId: string, shippingAddress: Address, at: At): DispatchProposed {
  const planned = toDispatchPlannedRecord(plan, { orderId, ...at, sandboxValidated: false });
  return {
    orderId, ...at, dispatchPlanId: plan.dispatchPlanId, planVersion: plan.version, previousPlanVersion: plan.previousVersion,
    relatedOrderIds: planned.relatedOrderIds, subOrders: planned.subOrders, shippingAddress, decisionInputs: planned.decisionInputs,
  };
}

/**
 * `DispatchPlanned` on one order of an issued plan. Its `decisionInputs` are the decision's inputs
 * plus the sandbox answer the plan passed (`sandboxValidation`), so the plan's trail holds both.
 */
export function plannedRecord(plan: DispatchPlan, orderId: string, answer: SandboxValidationResult, at: At): DispatchPlanned {
  const planned = toDispatchPlannedRecord(plan, { orderId, ...at, sandboxValidated: true });
  return { ...planned, decisionInputs: canonicalJson({ ...plan.decisionInputs, sandboxValidation: answer }) };
}

/** `DispatchProposalRejected`: every failure, the answer as received, and the version that stays in force. */
export function proposalRejectedRecord(
  orderId: string, plan: DispatchPlan, failures: readonly SandboxFailure[], fallbackPlanVersion: number | null, answer: SandboxValidationResult, at: At,
): DispatchProposalRejected {
  return {
    orderId, ...at, dispatchPlanId: plan.dispatchPlanId, planVersion: plan.version, fallbackPlanVersion,
    failures: failures.map((failure) => ({ api: failure.api && contractApiName(failure.api), subOrderId: failure.subOrderId, reason: failure.reason })),
    sandboxAnswer: canonicalJson(answer), validatedAt: answer.validatedAt, validatedAtText: answer.validatedAtText,
  };
}

/** A dispatch review item: the coarse Avro cause, the precise one, and the key that raises it once. */
export interface DispatchReview {
  cause: ReviewItemRaised['cause'];
  detailedCause: string;
  /** What the item is about (a plan id, a scan id). */
  subject: string;
  detail: string;
}

/** `ReviewItemRaised` in the order service's convention (`reviewItemId` = order id + review key). */
export function reviewRecord(orderId: string, review: DispatchReview, at: At): ReviewItemRaised {
  const reviewKey = `${review.detailedCause}:${review.subject}`;
  return {
    orderId, ...at, reviewItemId: `${orderId}:${reviewKey}`, cause: review.cause, detail: review.detail,
    subjectRef: review.subject, detailedCause: review.detailedCause, reviewKey,
  };
}
