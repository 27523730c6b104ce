import { toCsv, neutralizeFormula } from './csv-writer';
import type { DailyReconciliationReport } from './daily-report';
import { ANOMALY_COLUMNS, anomalyCells, FREE_TEXT_COLUMNS, totalsCells } from './report-cells';

/** CSV rendering options. */
export interface CsvRenderOptions {
  /**
   * Start with a UTF-8 byte order mark (default true): Excel on a Chinese Windows reads a CSV
   * without BOM as GBK and garbles every Chinese remark.
   */
  bom?: boolean;
}

const BOM = '\uFEFF';

/**
 * The anomaly table as RFC 4180 CSV (CRLF, quoted where needed), one row per review item, in
 * report order. Outside free text is formula-neutralised for spreadsheets.
 *
 * @example
 * const csv = renderAnomalyCsv(buildDailyReport(result, { businessDate: '2024-06-18' }));
 */
export function renderAnomalyCsv(report: DailyReconciliationReport, options: CsvRenderOptions = {}): string {
  const rows = report.anomalies.map((row) =>
    anomalyCells(report.businessDate, row).map((cell, index) => (FREE_TEXT_COLUMNS.has(ANOMALY_COLUMNS[index]) ? neutralizeFormula(cell) : cell)),
  );
  return `${options.bom === false ? '' : BOM}${toCsv([[...ANOMALY_COLUMNS], ...rows])}`;
}

/** The totals (matched count and amount, discrepancy rate, items by cause, definitions) as a `metric,value` CSV. */
export function renderTotalsCsv(report: DailyReconciliationReport, options: CsvRenderOptions = {}): string {
  return `${options.bom === false ? '' : BOM}${toCsv([['metric', 'value'], ...totalsCells(report)])}`;
}
