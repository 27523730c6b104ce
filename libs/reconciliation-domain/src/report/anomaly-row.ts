import type { ExpectedFlow } from '../model/expected-flow';
import { REVIEW_CAUSES, type ReviewCause, type ReviewItem } from '../model/review-item';
import type { SourceTime } from '../time/source-time';
import { outcomeInstant } from '../model/outcome-instant';

/**
 * Inventory operation logs as text lines, keyed by order id (or by out_trade_no when the flow
 * carries no order id). The reconciliation service reads them from fulfilment events.
 */
export type InventoryLogs = ReadonlyMap<string, readonly string[]>;

/** One anomaly of the daily traceability report (DESIGN.md: transaction id, raw response, inventory log, money time). */
export interface AnomalyRow {
  /** The review item the row reports. */
  reviewItemId: string;
  /** Its cause. */
  cause: ReviewCause;
  /** Order ids of the flows involved. */
  orderIds: string[];
  /** out_trade_nos of the flows involved. */
  outTradeNos: string[];
  /** Provider transaction (or refund) ids; for a MISSING_PAYMENT, the references the bank line names. */
  transactionIds: string[];
  /** Order-side total in fen; null when there is no flow. */
  orderAmount: number | null;
  /** Bank total in fen; null when there is no bank line. */
  bankAmount: number | null;
  /** Bank minus order, fen (0 unless the cause is about amounts). */
  amountDifference: number;
  /** The order side's times (paidAt, refund success) as written, with epoch ms. */
  orderTimes: SourceTime[];
  /** The bank lines' references (交易流水号). */
  bankTransactionRefs: string[];
  /** When finance received (or paid out) the money: the bank's time as written, with epoch ms. */
  bankTimes: SourceTime[];
  /** The bank lines' counterparties (对方户名). */
  counterparties: string[];
  /** The bank lines' remarks or summaries, verbatim. */
  bankRemarks: string[];
  /** Smallest and largest possible time gap, when both sides exist. */
  timeGap: { minMs: number; maxMs: number } | null;
  /** The provider's raw responses of the flows involved. */
  providerRawResponses: string[];
  /** The inventory operation log of the orders involved. */
  inventoryLog: string[];
  /** The review item's one-sentence detail. */
  detail: string;
}

const unique = (values: (string | null)[]): string[] => [...new Set(values.filter((value): value is string => value !== null))];

function inventoryLogOf(flows: readonly ExpectedFlow[], logs: InventoryLogs): string[] {
  const keys = unique(flows.map((flow) => (flow.orderId !== null && logs.has(flow.orderId) ? flow.orderId : flow.outTradeNo)));
  return keys.flatMap((key) => logs.get(key) ?? []);
}

/** The report row of a review item. */
export function anomalyRowOf(item: ReviewItem, logs: InventoryLogs): AnomalyRow {
  const { flows, bankLines } = item;
  const flowIds = flows.flatMap((flow) => (flow.kind === 'REFUND' ? [flow.transactionId, flow.refundId] : [flow.transactionId]));
  return {
    reviewItemId: item.reviewItemId,
    cause: item.cause,
    orderIds: unique(flows.map((flow) => flow.orderId)),
    outTradeNos: unique(flows.map((flow) => flow.outTradeNo)),
    transactionIds: flows.length > 0 ? unique(flowIds) : unique(bankLines.flatMap((line) => line.references)),
    orderAmount: flows.length > 0 ? flows.reduce((sum, flow) => sum + flow.amount, 0) : null,
    bankAmount: bankLines.length > 0 ? bankLines.reduce((sum, line) => sum + line.amount, 0) : null,
    amountDifference: item.amountDifference,
    orderTimes: flows.map((flow) => flow.time),
    bankTransactionRefs: bankLines.map((line) => line.bankTransactionRef),
    bankTimes: bankLines.map((line) => line.time),
    counterparties: unique(bankLines.map((line) => line.counterpartyName)),
    bankRemarks: unique(bankLines.map((line) => line.remark)),
    timeGap: item.timeGap,
    providerRawResponses: unique(flows.map((flow) => flow.rawResponse)),
    inventoryLog: inventoryLogOf(flows, logs),
    detail: item.detail,
  };
}

/** Report order: by cause (REVIEW_CAUSES order), then earliest time, then id — stable for equal inputs. */
export function compareReviewItems(a: ReviewItem, b: ReviewItem): number {
  const byCause = REVIEW_CAUSES.indexOf(a.cause) - REVIEW_CAUSES.indexOf(b.cause);
  const byTime = outcomeInstant(a.flows, a.bankLines) - outcomeInstant(b.flows, b.bankLines);
  return byCause || byTime || (a.reviewItemId < b.reviewItemId ? -1 : a.reviewItemId > b.reviewItemId ? 1 : 0);
}
