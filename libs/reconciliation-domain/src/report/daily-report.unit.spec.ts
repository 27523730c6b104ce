import { reconcile } from '../matching/payment-matcher';
import { REPORT_DATE, reportConfig, reportFlows, reportInventoryLogs, reportLines } from '../testing/report-scenario';
import { bankLine, payment, testConfig } from '../testing/reconciliation-builders';
import { resultForBusinessDate } from './business-date-view';
import { buildDailyReport } from './daily-report';
import { discrepancyRate, summarizeReconciliation } from './reconciliation-totals';

const result = reconcile(reportFlows, reportLines, reportConfig);

describe('daily report totals for one Asia/Shanghai business date', () => {
  const report = buildDailyReport(result, { businessDate: REPORT_DATE, inventoryLogs: reportInventoryLogs });

  it('counts the day only: the payment at 00:00:00.200 on the 19th is the next day', () => {
    expect(report.totals).toMatchObject({ flowCount: 6, bankLineCount: 6, pendingCount: 0 });
    expect(buildDailyReport(result, { businessDate: '2024-06-19' }).totals).toMatchObject({ flowCount: 1, bankLineCount: 1 });
  });

  it('matched count and amount cover clean matches only; refunds count negative', () => {
    // clean: 100 (+27500), 104 (+27500) and its refund (−27500)
    expect(report.totals).toMatchObject({ matchedCount: 3, matchedAmount: 27_500, matchedBankLineCount: 3 });
  });

  it('items by cause list every cause, zero included', () => {
    expect(report.totals.itemsByCause).toEqual({ MISSING_BANK_LINE: 1, MISSING_PAYMENT: 1, AMOUNT_MISMATCH: 1, CURRENCY_MISMATCH: 0, TIME_GAP: 1 });
  });

  it('discrepancy rate = entries under review ÷ all entries (flows + bank lines)', () => {
    // under review: 101+CMB0002 (time gap), 102+CMB0003 (one fen), 103 (missing line), CMB0006 (no payment) = 6 of 12
    expect(report.totals.discrepancyRate).toEqual({ numerator: 6, denominator: 12, percentText: '50.0000%' });
  });

  it('a group with two findings counts its entries once', () => {
    const twoFindings = reconcile([payment('1', 100, '2024-06-18T10:00:00.000+08:00')], [bankLine('B1', 99, ['TX-1'], '2024-06-18T10:00:05.000+08:00')], testConfig());
    expect(summarizeReconciliation(twoFindings)).toMatchObject({ reviewItemCount: 2, discrepancyRate: { numerator: 2, denominator: 2 } });
  });

  it('anomalies are in report order: by cause, then time', () => {
    expect(report.anomalies.map((row) => row.reviewItemId)).toEqual([
      'MISSING_BANK_LINE:pay:OTN-103=',
      'MISSING_PAYMENT:=CMB0006',
      'AMOUNT_MISMATCH:pay:OTN-102=CMB0003',
      'TIME_GAP:pay:OTN-101=CMB0002',
    ]);
  });

  it('each anomaly carries the transaction id, raw response, inventory log and the bank time (text and ms)', () => {
    const timeGap = report.anomalies[3];
    expect(timeGap).toMatchObject({
      transactionIds: ['TX-101'],
      providerRawResponses: ['{"trade_state":"SUCCESS","attach":"a,b \\"quoted\\""}'],
      inventoryLog: reportInventoryLogs.get('ord-101'),
      bankTimes: [{ text: '2024-06-18 11:02:19', epochMs: Date.parse('2024-06-18T11:02:19+08:00'), resolutionMs: 1_000 }],
      timeGap: { minMs: 1_001, maxMs: 2_999 },
    });
    expect(report.anomalies[1].transactionIds).toEqual(['TX-UNKNOWN-0001']);
  });

  it('a date view recounts flows and lines from the outcomes', () => {
    const view = resultForBusinessDate(result, REPORT_DATE);
    expect([view.flowCount, view.bankLineCount, view.matches.length, view.reviewItems.length]).toEqual([6, 6, 5, 4]);
  });

  it('refuses an impossible business date', () => {
    expect(() => buildDailyReport(result, { businessDate: '2024-06-31' })).toThrow(RangeError);
  });
});

describe('discrepancyRate', () => {
  it('is 0 % with no entries and keeps four decimals', () => {
    expect(discrepancyRate(0, 0).percentText).toBe('0.0000%');
    expect(discrepancyRate(1, 3).percentText).toBe('33.3333%');
    expect(discrepancyRate(4_000, 2_004_000).percentText).toBe('0.1996%');
  });
});
