import { recordFixture } from '@oms/contracts/testing';
import { paymentFlowFromOrderPaid, reconcile, reconciliationConfig, refundFlowFromRefundResult } from '@oms/reconciliation-domain';
import { parseCamt053Statement } from '../camt/camt053.parser';
import { parseCsvStatement } from '../csv/csv-statement.parser';
import { fixtureOptions, ICBC_MAPPING, readFixture, RECEIVED_AT } from '../testing/statement-fixtures';
import { toBankLine } from './to-bank-line';

// Imported lines feed matching directly: the tea order of the contracts fixtures (paid 275.00 at
// 10:31:02, 34.00 refunded at 10:40:21) against each fixture statement.
const payment = paymentFlowFromOrderPaid(recordFixture('OrderPaid'));
const refund = refundFlowFromRefundResult(recordFixture('RefundResult'), 'ord_20240618_000123')!;
const config = reconciliationConfig(Date.parse('2024-06-19T09:00:00+08:00'));

describe('imported statements → reconcile', () => {
  it('GBK CSV: the payment and the refund each match their line, by the ids in the remark', () => {
    const imported = parseCsvStatement(readFixture('icbc-statement-20240618.gbk.csv'), { ...fixtureOptions, bankCode: 'ICBC', mapping: ICBC_MAPPING });
    if (!imported.ok) throw new Error('fixture must import');
    const result = reconcile([payment, refund], imported.lines.map(toBankLine), config);
    expect(result.matches.filter((group) => group.clean).map((group) => [group.flows[0].flowId, group.bankLines[0].bankTransactionRef])).toEqual([
      ['pay:20240618103000017001', 'ICBC2024061810310200001'],
      ['refund:RF20240618000123', 'ICBC2024061810402100002'],
    ]);
    // the other three lines (Alipay transfer, company transfer, fee) have no order-side flow;
    // items are sorted by id, and a line's id is a hash, so compare them in bank-ref order
    expect(result.reviewItems.map((item) => [item.cause, item.bankLines[0].bankTransactionRef]).sort()).toEqual([
      ['MISSING_PAYMENT', 'ICBC2024061811021900003'],
      ['MISSING_PAYMENT', 'ICBC2024061813200500004'],
      ['MISSING_PAYMENT', 'ICBC2024061816450000005'],
    ]);
  });

  it('camt.053: the bank time keeps its milliseconds and its text for the report', () => {
    const imported = parseCamt053Statement(readFixture('camt053-statement-20240618.xml'), { bankCode: 'CMB', receivedAt: RECEIVED_AT });
    if (!imported.ok) throw new Error('fixture must import');
    const result = reconcile([payment, refund], imported.lines.map(toBankLine), config);
    const paymentMatch = result.matches.find((group) => group.flows[0]?.kind === 'PAYMENT');
    expect(paymentMatch).toMatchObject({ clean: true, timeGap: { minMs: 0, maxMs: 587 }, bankLines: [{ time: { text: '2024-06-18T10:31:02.412+08:00' } }] });
    expect(result.matches.find((group) => group.flows[0]?.kind === 'REFUND')).toMatchObject({ clean: true, bankAmount: -3_400 });
  });
});
