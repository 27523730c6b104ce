import type { DailyReconciliationReport } from './daily-report';
import { escapeHtml } from './html-escape';
import { ANOMALY_COLUMNS, anomalyCells, FREE_TEXT_COLUMNS, totalsCells } from './report-cells';

const cell = (tag: 'td' | 'th', text: string): string => `<${tag}>${escapeHtml(text)}</${tag}>`;
const preCell = (text: string): string => `<td><pre>${escapeHtml(text)}</pre></td>`;

function totalsTable(report: DailyReconciliationReport): string[] {
  const rows = totalsCells(report).map(([metric, value]) => `<tr>${cell('th', metric)}${cell('td', value)}</tr>`);
  return ['<table class="totals">', ...rows, '</table>'];
}

function anomalyTable(report: DailyReconciliationReport): string[] {
  const head = `<tr>${ANOMALY_COLUMNS.map((column) => cell('th', column)).join('')}</tr>`;
  const rows = report.anomalies.map((row) => {
    const cells = anomalyCells(report.businessDate, row);
    return `<tr>${cells.map((text, index) => (FREE_TEXT_COLUMNS.has(ANOMALY_COLUMNS[index]) ? preCell(text) : cell('td', text))).join('')}</tr>`;
  });
  return ['<table class="anomalies">', `<thead>${head}</thead>`, '<tbody>', ...rows, '</tbody>', '</table>'];
}

/**
 * The daily anomaly traceability report as one self-contained HTML page: totals (with the
 * discrepancy-rate definition and the precision policy) and every anomaly with its transaction
 * id, the provider's raw response, the inventory log and the bank's time. All text escaped;
 * no clock read — "generated at" appears only when the input carries it.
 */
export function renderAnomalyHtml(report: DailyReconciliationReport): string {
  const title = `Reconciliation anomaly report ${report.businessDate} (Asia/Shanghai)`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    '<h2>Totals</h2>',
    ...totalsTable(report),
    `<h2>Anomalies (${report.anomalies.length})</h2>`,
    ...anomalyTable(report),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
