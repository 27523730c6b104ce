import type { PaymentProvider, RefundStatus } from '@oms/contracts';
import type { ProviderRefundAnswer } from './provider-refund-answer';
import retryableCodes from './refund-retryable-codes.data.json';

/** What to do with a provider's answer to a refund request. */
export type RefundDecision =
  /** The refund has an outcome: publish it, the request is done. */
  | { kind: 'final'; status: RefundStatus }
  /** Accepted, not finished: publish PROCESSING once, then ask again (same out_refund_no) later. */
  | { kind: 'processing' }
  /** No trustworthy answer (unreachable, 5xx, unsigned, a transient error code): try again later. */
  | { kind: 'retry'; why: string };

const RETRYABLE: Readonly<Record<PaymentProvider, readonly string[]>> = retryableCodes;

/**
 * Decides on a refund answer. Never guesses: only a signed answer with a refund state is an
 * outcome; an error code the provider documents as transient (system error, rate limit, balance
 * not enough yet, kept as data in `refund-retryable-codes.data.json`) is retried; any other
 * business refusal (no such trade, amount invalid) will not change by retrying, so it is an
 * ABNORMAL outcome for a human to resolve (order-service raises a review item).
 */
export function decideRefund(provider: PaymentProvider, answer: ProviderRefundAnswer): RefundDecision {
  if (answer.httpStatus === 0 || answer.httpStatus >= 500 || answer.httpStatus === 429) return { kind: 'retry', why: `HTTP ${answer.httpStatus} ${answer.providerStatus}` };
  if (!answer.signatureVerified) return { kind: 'retry', why: 'the answer is not signed by the provider' };
  if (answer.status === 'PROCESSING') return { kind: 'processing' };
  if (answer.status !== null) return { kind: 'final', status: answer.status };
  if (RETRYABLE[provider].includes(answer.providerStatus)) return { kind: 'retry', why: answer.providerStatus };
  return { kind: 'final', status: 'ABNORMAL' };
}

/** Delay before attempt `attempt + 1`: 1 s doubling, at most 5 minutes — retried for as long as it takes. */
export function refundRetryDelayMs(attempt: number, firstMs = 1_000, maxMs = 300_000): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, attempt - 1));
}
