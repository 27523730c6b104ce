import { recordFixture } from '@oms/contracts/testing';
import { flowKeys } from '../model/expected-flow';
import { bankLineFromRecord, remarkReferences } from './bank-line.factory';
import { paymentFlowFromNotification, paymentFlowFromOrderPaid } from './payment-flow.factory';
import { refundFlowFromRefundResult } from './refund-flow.factory';

describe('flows from the contracts records', () => {
  it('OrderPaid → a +amount PAYMENT flow whose paidAt keeps the provider text precision (seconds)', () => {
    const paid = recordFixture('OrderPaid');
    const confirmation = recordFixture('PaymentConfirmation');
    const flow = paymentFlowFromOrderPaid(paid, { confirmation });
    expect(flow).toMatchObject({
      flowId: 'pay:20240618103000017001',
      kind: 'PAYMENT',
      orderId: 'ord_20240618_000123',
      transactionId: '4200002214202406181234567890',
      amount: 27_500,
      time: { epochMs: Date.parse('2024-06-18T10:31:02+08:00'), resolutionMs: 1_000, text: '2024-06-18T10:31:02+08:00' },
      rawResponse: confirmation.rawResponse,
    });
  });

  it('refuses an OrderPaid whose paidAt and paidAtText disagree', () => {
    const paid = recordFixture('OrderPaid', { paidAt: Date.parse('2024-06-18T10:31:03+08:00') });
    expect(() => paymentFlowFromOrderPaid(paid)).toThrow(/OrderPaid.paidAt: .* is not the instant/);
  });

  it('refuses an unreadable time text rather than reading it as zero', () => {
    expect(() => paymentFlowFromOrderPaid(recordFixture('OrderPaid', { paidAtText: 'yesterday' }))).toThrow(/unrecognised time format/);
  });

  it('PaymentNotification → a PAYMENT flow with the decrypted resource as raw response', () => {
    const notification = recordFixture('PaymentNotification');
    const flow = paymentFlowFromNotification(notification, 'ord_20240618_000123');
    expect(flow).toMatchObject({ flowId: 'pay:20240618103000017001', amount: 27_500, rawResponse: notification.decryptedResource });
    expect(() => paymentFlowFromNotification({ ...notification, successAt: null, successAtText: null })).toThrow(/no success time/);
  });

  it('RefundResult SUCCESS → a −amount REFUND flow; other states move no money', () => {
    const result = recordFixture('RefundResult');
    expect(refundFlowFromRefundResult(result, 'ord_20240618_000123')).toMatchObject({
      flowId: 'refund:RF20240618000123',
      kind: 'REFUND',
      amount: -3_400,
      outTradeNo: '20240618103000017001',
      refundId: '50300908092024061800012345',
      time: { resolutionMs: 1_000 },
    });
    for (const status of ['PROCESSING', 'CLOSED', 'ABNORMAL'] as const) {
      expect(refundFlowFromRefundResult({ ...result, status })).toBeNull();
    }
  });
});

describe('bank lines from BankStatementLine records', () => {
  it('takes the parsed transaction id and every id the remark names, with millisecond bank time', () => {
    const record = recordFixture('BankStatementLine', { remark: '合单支付 4200002214202406181234567890,4200002214202406181234567891' });
    expect(bankLineFromRecord(record, ['OTN-EXTRA-000001'])).toMatchObject({
      lineId: 'CMB2024061810310241200087',
      amount: 27_500,
      references: ['4200002214202406181234567890', '4200002214202406181234567891', 'OTN-EXTRA-000001'],
      time: { epochMs: Date.parse('2024-06-18T10:31:02.412+08:00'), resolutionMs: 1 },
    });
  });

  it('remarkReferences keeps long id-like tokens only', () => {
    expect(remarkReferences('微信支付 4200002214202406181234567890 退款 2024-06-18 ¥275.00')).toEqual(['4200002214202406181234567890']);
    expect(remarkReferences(null)).toEqual([]);
  });
});

describe('flowKeys', () => {
  it('lists the references a bank line may name, in a fixed order, skipping absent ones', () => {
    const refund = refundFlowFromRefundResult(recordFixture('RefundResult'))!;
    expect(flowKeys(refund)).toEqual(['4200002214202406181234567890', '20240618103000017001', 'RF20240618000123', '50300908092024061800012345']);
    expect(flowKeys({ ...refund, transactionId: '', refundId: null })).toEqual(['20240618103000017001', 'RF20240618000123']);
  });
});
