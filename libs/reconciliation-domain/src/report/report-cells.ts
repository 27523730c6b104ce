import { REVIEW_CAUSES } from '../model/review-item';
import { PRECISION_POLICY_SUMMARY } from '../policy/precision-policy';
import type { AnomalyRow } from './anomaly-row';
import type { DailyReconciliationReport } from './daily-report';
import { DISCREPANCY_RATE_DEFINITION } from './reconciliation-totals';

/** The report as plain text cells, shared by the CSV and HTML renderers so both say the same. */

/** Column headers of the anomaly table. */
export const ANOMALY_COLUMNS = [
  'business_date', 'review_item_id', 'cause', 'order_ids', 'out_trade_nos', 'transaction_ids',
  'order_amount_fen', 'bank_amount_fen', 'difference_fen', 'order_time_text', 'order_time_epoch_ms',
  'bank_transaction_refs', 'bank_time_text', 'bank_time_epoch_ms', 'counterparty', 'bank_remark', 'time_gap_min_ms', 'time_gap_max_ms',
  'provider_raw_response', 'inventory_log', 'detail',
] as const;

/** Which columns hold outside free text (formula-neutralised in CSV, shown as <pre> in HTML). */
export const FREE_TEXT_COLUMNS: ReadonlySet<string> = new Set(['counterparty', 'bank_remark', 'provider_raw_response', 'inventory_log', 'detail']);

const list = (values: readonly (string | number)[]): string => values.join('; ');
const optional = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** The cells of one anomaly row, in {@link ANOMALY_COLUMNS} order. */
export function anomalyCells(businessDate: string, row: AnomalyRow): string[] {
  return [
    businessDate, row.reviewItemId, row.cause, list(row.orderIds), list(row.outTradeNos), list(row.transactionIds),
    optional(row.orderAmount), optional(row.bankAmount), String(row.amountDifference),
    list(row.orderTimes.map((time) => time.text)), list(row.orderTimes.map((time) => time.epochMs)),
    list(row.bankTransactionRefs), list(row.bankTimes.map((time) => time.text)), list(row.bankTimes.map((time) => time.epochMs)),
    list(row.counterparties), row.bankRemarks.join('\n'),
    optional(row.timeGap?.minMs), optional(row.timeGap?.maxMs),
    row.providerRawResponses.join('\n'), row.inventoryLog.join('\n'), row.detail,
  ];
}

/** The totals as `[metric, value]` pairs, then items by cause, then the two definitions. */
export function totalsCells(report: DailyReconciliationReport): [string, string][] {
  const t = report.totals;
  return [
    ['business_date', report.businessDate],
    ...(report.generatedAtText === null ? [] : [['generated_at', report.generatedAtText] as [string, string]]),
    ['flows', String(t.flowCount)],
    ['bank_lines', String(t.bankLineCount)],
    ['matched_count', String(t.matchedCount)],
    ['matched_amount_fen', String(t.matchedAmount)],
    ['matched_bank_lines', String(t.matchedBankLineCount)],
    ['pending_count', String(t.pendingCount)],
    ['review_items', String(t.reviewItemCount)],
    ['entries_under_review', String(t.discrepancyRate.numerator)],
    ['entries', String(t.discrepancyRate.denominator)],
    ['discrepancy_rate', t.discrepancyRate.percentText],
    ...REVIEW_CAUSES.map((cause): [string, string] => [`items_${cause}`, String(t.itemsByCause[cause])]),
    ['discrepancy_rate_definition', DISCREPANCY_RATE_DEFINITION],
    ['precision_policy', PRECISION_POLICY_SUMMARY],
  ];
}
