import { reconcile } from '../matching/payment-matcher';
import { renderAnomalyHtml } from '../report/anomaly-report-html.renderer';
import { renderAnomalyCsv, renderTotalsCsv } from '../report/anomaly-report.renderer';
import { buildDailyReport } from '../report/daily-report';
import { REPORT_DATE, reportConfig, reportFlows, reportInventoryLogs, reportLines } from './report-scenario';

/** Golden files of the report scenario, relative to `src/report/golden/`, with their rendered text. */
export function renderGoldenReports(flows = reportFlows, lines = reportLines): Record<string, string> {
  const report = buildDailyReport(reconcile(flows, lines, reportConfig), {
    businessDate: REPORT_DATE,
    inventoryLogs: reportInventoryLogs,
    generatedAtText: '2024-06-20T09:00:00+08:00',
  });
  return {
    'anomalies-2024-06-18.golden.csv': renderAnomalyCsv(report),
    'totals-2024-06-18.golden.csv': renderTotalsCsv(report),
    'report-2024-06-18.golden.html': renderAnomalyHtml(report),
  };
}
