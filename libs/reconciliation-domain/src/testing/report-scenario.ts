import type { BankLine } from '../model/bank-line';
import type { ExpectedFlow } from '../model/expected-flow';
import { reconciliationConfig } from '../model/reconciliation-config';
import type { InventoryLogs } from '../report/anomaly-row';
import { bankLine, payment, refund } from './reconciliation-builders';

// One business day (2024-06-18, Asia/Shanghai) with one anomaly of each common cause, a clean
// payment, a stock-out refund matched on both sides, and a payment just after midnight that
// belongs to the next day. Texts carry the characters that CSV and HTML must escape.

/** The reported day. */
export const REPORT_DATE = '2024-06-18';

/** "Now" of the report run: 2024-06-20 09:00 Shanghai, past the 24 h window of the day's payments. */
export const REPORT_NOW = Date.parse('2024-06-20T09:00:00+08:00');

/** The config of the scenario. */
export const reportConfig = reconciliationConfig(REPORT_NOW);

/** Order-side flows of the scenario. */
export const reportFlows: ExpectedFlow[] = [
  payment('100', 27_500, '2024-06-18T10:31:02+08:00'),
  payment('101', 12_800, '2024-06-18T11:02:17+08:00', { rawResponse: '{"trade_state":"SUCCESS","attach":"a,b \\"quoted\\""}' }),
  payment('102', 3_900, '2024-06-18T12:00:00.000+08:00', { rawResponse: '=HYPERLINK("http://evil.example")' }),
  payment('103', 9_900, '2024-06-18T13:45:10+08:00', { rawResponse: '<xml><return_code>SUCCESS</return_code></xml>' }),
  payment('104', 27_500, '2024-06-18T14:00:00+08:00'),
  refund('RF104', '104', 27_500, '2024-06-18T14:00:03+08:00'),
  payment('105', 5_000, '2024-06-19T00:00:00.200+08:00'),
];

/** Bank lines of the scenario. */
export const reportLines: BankLine[] = [
  bankLine('CMB0001', 27_500, ['TX-100'], '2024-06-18 10:31:02'),
  bankLine('CMB0002', 12_800, ['TX-101'], '2024-06-18 11:02:19'),
  bankLine('CMB0003', 3_899, ['TX-102'], '2024-06-18T12:00:00.120+08:00'),
  bankLine('CMB0004', 27_500, ['TX-104'], '20240618140000'),
  bankLine('CMB0005', -27_500, ['TX-104'], '20240618140003'),
  bankLine('CMB0006', 88_800, ['TX-UNKNOWN-0001'], '2024/06/18 16:20:05', { remark: '<b>对公转账</b> & 预付款' }),
  bankLine('CMB0007', 4_999, ['TX-105'], '2024-06-19 00:00:00'),
];

/** Inventory operation logs of the scenario, by order id. */
export const reportInventoryLogs: InventoryLogs = new Map([
  ['ord-101', ['2024-06-18T11:02:18.004+08:00 RESERVE TEA-LJ-250G x2 WH-HZ-01 ok', '2024-06-18T11:02:18.090+08:00 RESERVE CUP-GLASS-01 x1 WH-HZ-01 ok, "bin A-3"']],
  ['ord-103', ['2024-06-18T13:45:11.500+08:00 RESERVE TEA-LJ-250G x1 WH-HZ-01 OUT_OF_STOCK <0 left>']],
  ['ord-104', ['2024-06-18T14:00:01.100+08:00 RESERVE CUP-GLASS-01 x1 WH-HZ-01 OUT_OF_STOCK', '2024-06-18T14:00:01.140+08:00 REFUND_REQUESTED RF104 27500']],
]);
