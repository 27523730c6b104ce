import { recordFixture } from '@oms/contracts/testing';
import { bankLineFromRecord } from '../inputs/bank-line.factory';
import { paymentFlowFromOrderPaid } from '../inputs/payment-flow.factory';
import { refundFlowFromRefundResult } from '../inputs/refund-flow.factory';
import { reconciliationConfig } from '../model/reconciliation-config';
import { buildDailyReport } from '../report/daily-report';
import { reconcile } from './payment-matcher';

// The transient case from the field (source article): a payment, then within 3 s the warehouse
// reports a stock-out, and compensation refunds the buyer. The order ends refunded; the bank
// shows +275.00 and −275.00; reconciliation must show BOTH flows matched — never a "paid" order
// the bank never saw, and never a refund nobody can trace.
const ORDER = 'ord_20240618_000123';
const TX = '4200002214202406181234567890';
const at = (iso: string) => ({ epochMs: Date.parse(iso), text: iso });

const paidAt = at('2024-06-18T10:31:02+08:00');
// The stock-out (InventoryReservationFailed) comes at 10:31:04.700, 2.7 s after the payment.
const refundedAt = at('2024-06-18T10:31:05+08:00');

const paid = recordFixture('OrderPaid', { paidAt: paidAt.epochMs, paidAtText: paidAt.text });
const refundResult = recordFixture('RefundResult', {
  refundAmount: 27_500, totalAmount: 27_500, successAt: refundedAt.epochMs, successAtText: refundedAt.text,
});
const bankIn = recordFixture('BankStatementLine', {
  bankTransactionRef: 'CMB-IN-0001', amount: 27_500, transactedAt: Date.parse('2024-06-18T10:31:02.412+08:00'), transactedAtText: '2024-06-18T10:31:02.412+08:00',
});
const bankOut = recordFixture('BankStatementLine', {
  bankTransactionRef: 'CMB-OUT-0001', amount: -27_500, summary: '退款', remark: `微信退款 ${TX}`,
  transactedAt: Date.parse('2024-06-18T10:31:05.380+08:00'), transactedAtText: '2024-06-18T10:31:05.380+08:00',
});
const now = Date.parse('2024-06-19T09:00:00+08:00');

describe('payment, stock-out within 3 s, refund', () => {
  const payment = paymentFlowFromOrderPaid(paid);
  const refund = refundFlowFromRefundResult(refundResult, ORDER)!;

  it('when reconciled, then both flows are matched: payment +27500 and refund −27500, nothing to review', () => {
    const result = reconcile([payment, refund], [bankLineFromRecord(bankIn), bankLineFromRecord(bankOut)], reconciliationConfig(now));
    expect(result.reviewItems).toEqual([]);
    expect(result.matches.map((group) => [group.flows[0].kind, group.orderAmount, group.bankAmount, group.clean]).sort()).toEqual([
      ['PAYMENT', 27_500, 27_500, true],
      ['REFUND', -27_500, -27_500, true],
    ]);
    const report = buildDailyReport(result, { businessDate: '2024-06-18' });
    expect(report.totals).toMatchObject({ matchedCount: 2, matchedAmount: 0, matchedBankLineCount: 2, reviewItemCount: 0 });
  });

  it('when the bank never shows the refund, then the refund is MISSING_BANK_LINE after the window — not a silent "paid"', () => {
    const result = reconcile([payment, refund], [bankLineFromRecord(bankIn)], reconciliationConfig(Date.parse('2024-06-20T09:00:00+08:00')));
    expect(result.reviewItems.map((item) => [item.cause, item.flows[0].flowId])).toEqual([['MISSING_BANK_LINE', 'refund:RF20240618000123']]);
  });

  it('when the order side lost the refund, then the bank debit is MISSING_PAYMENT', () => {
    const result = reconcile([payment], [bankLineFromRecord(bankIn), bankLineFromRecord(bankOut)], reconciliationConfig(now));
    expect(result.reviewItems.map((item) => [item.cause, item.bankLines[0].bankTransactionRef])).toEqual([['MISSING_PAYMENT', 'CMB-OUT-0001']]);
  });

  it('when the payment was never received by the bank, then the "paid" order is MISSING_BANK_LINE', () => {
    const result = reconcile([payment], [], reconciliationConfig(Date.parse('2024-06-20T09:00:00+08:00')));
    expect(result.reviewItems.map((item) => item.cause)).toEqual(['MISSING_BANK_LINE']);
  });
});
