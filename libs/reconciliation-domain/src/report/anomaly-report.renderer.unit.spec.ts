import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBankTime } from '../time/bank-time.parser';
import { renderGoldenReports } from '../testing/golden-report';
import { shuffled } from '../testing/planted-scenario';
import { reportFlows, reportLines } from '../testing/report-scenario';
import { renderAnomalyCsv } from './anomaly-report.renderer';
import { csvField, neutralizeFormula, toCsv } from './csv-writer';
import type { DailyReconciliationReport } from './daily-report';
import { escapeHtml } from './html-escape';

// Golden files: src/report/golden/*. After an intended format change, regenerate them with
// libs/reconciliation-domain/scripts/write-golden-reports.ts and review the diff.
const golden = (name: string): Buffer => readFileSync(join(__dirname, 'golden', name));

describe('anomaly report renderers: byte-for-byte golden output', () => {
  const rendered = renderGoldenReports();

  it.each(Object.keys(rendered))('%s equals its golden file byte for byte', (name) => {
    expect(Buffer.from(rendered[name], 'utf8').equals(golden(name))).toBe(true);
  });

  it('the same inputs in another order render the same bytes', () => {
    expect(renderGoldenReports(shuffled(reportFlows, 7), shuffled(reportLines, 11))).toEqual(rendered);
  });

  it('the CSV starts with a UTF-8 BOM for Excel, and can leave it out', () => {
    const csv = rendered['anomalies-2024-06-18.golden.csv'];
    expect(csv.startsWith('\uFEFFbusiness_date,')).toBe(true);
    const empty: DailyReconciliationReport = { businessDate: '2024-06-18', generatedAtText: null, totals: {} as never, anomalies: [] };
    expect(renderAnomalyCsv(empty, { bom: false }).startsWith('business_date,')).toBe(true);
  });

  it('every anomaly row carries the bank time as written and as epoch ms, which read back to the same instant', () => {
    const rows = rendered['anomalies-2024-06-18.golden.csv'].split('\r\n').filter((row) => row.includes('CMB0002'));
    expect(rows[0]).toContain(',2024-06-18 11:02:19,1718679739000,');
    const parsed = parseBankTime('2024-06-18 11:02:19');
    expect(parsed.ok && parsed.time.epochMs).toBe(1_718_679_739_000);
  });

  it('HTML escapes outside text: no raw tag from a bank remark or a provider body survives', () => {
    const html = rendered['report-2024-06-18.golden.html'];
    expect(html).not.toContain('<b>对公转账</b>');
    expect(html).toContain('&lt;b&gt;对公转账&lt;/b&gt; &amp; 预付款');
    expect(html).not.toContain('<xml>');
  });
});

describe('RFC 4180 CSV writing', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('field %j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends every record with CRLF', () => {
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+86 138', "'+86 138"],
    ['-cmd', "'-cmd"],
    ['@x', "'@x"],
    ['{"a":1}', '{"a":1}'],
  ])('neutralizes the formula start of %j', (value, expected) => {
    expect(neutralizeFormula(value)).toBe(expected);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
