import type { ReconciliationResult } from '../model/reconciliation-result';
import { anomalyRowOf, compareReviewItems, type AnomalyRow, type InventoryLogs } from './anomaly-row';
import { resultForBusinessDate } from './business-date-view';
import { summarizeReconciliation, type ReconciliationTotals } from './reconciliation-totals';

/** Inputs of the daily report besides the match result. */
export interface DailyReportInput {
  /** The Asia/Shanghai business date reported, `YYYY-MM-DD`. */
  businessDate: string;
  /** Inventory operation logs by order id (or out_trade_no). */
  inventoryLogs?: InventoryLogs;
  /** Printed as "generated at" only when given — the report is otherwise a pure function of its inputs. */
  generatedAtText?: string | null;
}

/** The daily anomaly traceability report, as data; render it with the CSV and HTML renderers. */
export interface DailyReconciliationReport {
  /** The business date reported. */
  businessDate: string;
  /** When it was generated, only if the caller passed it. */
  generatedAtText: string | null;
  /** Totals of the business date. */
  totals: ReconciliationTotals;
  /** One row per review item of the date, in report order. */
  anomalies: AnomalyRow[];
}

/**
 * Builds the report of one business date from a match result. Byte-for-byte reproducible: equal
 * inputs give equal reports (rebuilding the projection and re-running a past date changes nothing).
 *
 * @example
 * const report = buildDailyReport(result, { businessDate: businessDateReportedAt(runAt), inventoryLogs });
 * const csv = renderAnomalyCsv(report);
 */
export function buildDailyReport(result: ReconciliationResult, input: DailyReportInput): DailyReconciliationReport {
  const day = resultForBusinessDate(result, input.businessDate);
  const logs: InventoryLogs = input.inventoryLogs ?? new Map();
  return {
    businessDate: input.businessDate,
    generatedAtText: input.generatedAtText ?? null,
    totals: summarizeReconciliation(day),
    anomalies: [...day.reviewItems].sort(compareReviewItems).map((item) => anomalyRowOf(item, logs)),
  };
}
