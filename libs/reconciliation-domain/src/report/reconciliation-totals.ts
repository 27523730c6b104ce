import { REVIEW_CAUSES, type ReviewCause } from '../model/review-item';
import type { ReconciliationResult } from '../model/reconciliation-result';

/**
 * How the discrepancy rate is defined — the same sentence is printed in the reports.
 * Entries are counted, not items: a group that raises both AMOUNT_MISMATCH and TIME_GAP counts
 * its flows and lines once, so the rate is a share of the day's money movements (≤ 100 %).
 */
export const DISCREPANCY_RATE_DEFINITION =
  'Discrepancy rate = entries under review ÷ all entries, where an entry is one order-side flow (payment or refund) ' +
  'or one bank line of the business date, and an entry is under review when it is part of at least one review item.';

/** An exact ratio and its percentage text (four decimals), so reports never round differently. */
export interface DiscrepancyRate {
  /** Entries (flows + bank lines) under review. */
  numerator: number;
  /** All entries (flows + bank lines). */
  denominator: number;
  /** `numerator / denominator` as a percentage with four decimals, e.g. `0.4000%`; `0.0000%` when there are no entries. */
  percentText: string;
}

/** Totals of a reconciliation (or of one business date of it). */
export interface ReconciliationTotals {
  /** Order-side flows considered. */
  flowCount: number;
  /** Bank lines considered. */
  bankLineCount: number;
  /** Flows in clean match groups — settled exactly, on time. */
  matchedCount: number;
  /** Signed fen of those flows (payments minus refunds). */
  matchedAmount: number;
  /** Bank lines in clean match groups. */
  matchedBankLineCount: number;
  /** Flows still inside their settlement window. */
  pendingCount: number;
  /** Review items raised. */
  reviewItemCount: number;
  /** The discrepancy rate, see {@link DISCREPANCY_RATE_DEFINITION}. */
  discrepancyRate: DiscrepancyRate;
  /** Review items per cause, every cause present (0 when none), in report order. */
  itemsByCause: Record<ReviewCause, number>;
}

/** The discrepancy rate of `numerator` entries under review among `denominator`. */
export function discrepancyRate(numerator: number, denominator: number): DiscrepancyRate {
  const percent = denominator === 0 ? 0 : (numerator * 100) / denominator;
  return { numerator, denominator, percentText: `${percent.toFixed(4)}%` };
}

/** Totals of a result — pass `resultForBusinessDate(...)` for one day's totals. */
export function summarizeReconciliation(result: ReconciliationResult): ReconciliationTotals {
  const itemsByCause = Object.fromEntries(REVIEW_CAUSES.map((cause) => [cause, 0])) as Record<ReviewCause, number>;
  for (const item of result.reviewItems) itemsByCause[item.cause]++;
  let matchedCount = 0;
  let matchedAmount = 0;
  let matchedBankLineCount = 0;
  let underReview = itemsByCause.MISSING_BANK_LINE + itemsByCause.MISSING_PAYMENT;
  for (const group of result.matches) {
    if (group.clean) {
      matchedCount += group.flows.length;
      matchedAmount += group.orderAmount;
      matchedBankLineCount += group.bankLines.length;
    } else underReview += group.flows.length + group.bankLines.length;
  }
  return {
    flowCount: result.flowCount,
    bankLineCount: result.bankLineCount,
    matchedCount,
    matchedAmount,
    matchedBankLineCount,
    pendingCount: result.pending.length,
    reviewItemCount: result.reviewItems.length,
    discrepancyRate: discrepancyRate(underReview, result.flowCount + result.bankLineCount),
    itemsByCause,
  };
}
