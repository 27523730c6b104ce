/**
 * @oms/reconciliation-domain — the pure "Matching" of reconciliation (issue 7, pain point 1 of
 * DESIGN.md): order-side flows (payments +, refunds −) against bank statement lines, the two
 * timelines under an explicit precision policy, review items with both sides attached, and the
 * daily 09:00 Asia/Shanghai anomaly report as CSV and HTML. No I/O and no clock: `now` is an input.
 *
 * @example
 * import { buildDailyReport, reconcile, reconciliationConfig, renderAnomalyCsv } from '@oms/reconciliation-domain';
 * const result = reconcile(flows, bankLines, reconciliationConfig(now));
 * const csv = renderAnomalyCsv(buildDailyReport(result, { businessDate: '2024-06-18', inventoryLogs }));
 *
 * @packageDocumentation
 */

// Time: the bank's clock (UTC+8), the parser for bank time texts, the 09:00 schedule.
export * from './time/source-time';
export * from './time/shanghai-clock';
export { parseBankTime, requireBankTime, type BankTimeResult } from './time/bank-time.parser';
export * from './time/report-schedule';

// The precision policy of the 500 ms rule.
export * from './policy/precision-policy';

// Model.
export * from './model/expected-flow';
export type * from './model/bank-line';
export * from './model/reconciliation-config';
export * from './model/review-item';
export type * from './model/match-group';
export type * from './model/reconciliation-result';

// Inputs from the contracts' records.
export * from './inputs/payment-flow.factory';
export * from './inputs/refund-flow.factory';
export * from './inputs/bank-line.factory';
export { recordedTime } from './inputs/recorded-time';

// Stored records (the order log's, the provider's, the warehouse's) as matching inputs.
export * from './records/recorded-fact';
export { flowsFromFacts } from './records/flows-from-facts';
export { inventoryLogFromFacts, inventoryLogsOf, type InventoryLogEntry } from './records/inventory-log-from-facts';

// Matching.
export { reconcile } from './matching/payment-matcher';

// Report.
export { resultForBusinessDate } from './report/business-date-view';
export { outcomeInstant } from './model/outcome-instant';
export * from './report/reconciliation-totals';
export type { AnomalyRow, InventoryLogs } from './report/anomaly-row';
export * from './report/daily-report';
export { renderAnomalyCsv, renderTotalsCsv, type CsvRenderOptions } from './report/anomaly-report.renderer';
export { renderAnomalyHtml } from './report/anomaly-report-html.renderer';
export { ANOMALY_COLUMNS } from './report/report-cells';
