import type { TimeGap } from '../policy/precision-policy';
import type { BankLine } from './bank-line';
import type { ExpectedFlow } from './expected-flow';

/** Why an item is in the review queue, in report order. */
export const REVIEW_CAUSES = ['MISSING_BANK_LINE', 'MISSING_PAYMENT', 'AMOUNT_MISMATCH', 'CURRENCY_MISMATCH', 'TIME_GAP'] as const;

/**
 * Cause of a review item:
 * - `MISSING_BANK_LINE`: an order-side flow (payment or refund) the bank has not shown after the settlement window;
 * - `MISSING_PAYMENT`: a bank line no order-side flow explains (money in or out we cannot trace);
 * - `AMOUNT_MISMATCH`: matched by reference, but the sums differ — by as little as one fen;
 * - `CURRENCY_MISMATCH`: matched by reference, but in different currencies;
 * - `TIME_GAP`: the bank's time and the order's time are certainly further apart than the tolerance.
 */
export type ReviewCause = (typeof REVIEW_CAUSES)[number];

/**
 * An exception for a human, with both sides attached: the order-side flows and the bank lines
 * involved (one side is empty for the two MISSING causes — that is the finding).
 */
export interface ReviewItem {
  /** Deterministic id: the cause and the ids of everything involved. */
  reviewItemId: string;
  /** Why the item is raised. */
  cause: ReviewCause;
  /** Order-side flows involved, sorted by flowId. */
  flows: readonly ExpectedFlow[];
  /** Bank lines involved, sorted by lineId. */
  bankLines: readonly BankLine[];
  /** Bank total minus order total, in fen (0 unless the cause is about amounts). */
  amountDifference: number;
  /** The time gap between the sides, when both are present. */
  timeGap: TimeGap | null;
  /** What was seen, in one sentence, for the reviewer. */
  detail: string;
}
