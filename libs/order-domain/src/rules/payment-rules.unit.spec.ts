import { rebuild } from '../aggregate/order.aggregate';
import type { AcceptedNotification, ConfirmedPayment } from '../aggregate/order-state';
import { OUT_TRADE_NO, TOTAL, TX, TX2 } from '../testing/order-fixtures';
import { historyTo } from '../testing/order-histories';
import { loadPaymentIdFormats, paymentIdProblems } from './payment-id-formats';
import { isPaymentComplete } from './payment-rules';

const order = rebuild(historyTo('pending_payment'));
const identity = { provider: 'WECHAT_PAY' as const, transactionId: TX, outTradeNo: OUT_TRADE_NO, amount: TOTAL, currency: 'CNY' };
const notification: AcceptedNotification = {
  ...identity, signatureVerified: true, httpStatusAnswered: 200, paidAt: 0, paidAtText: '1970-01-01T00:00:00Z', acceptedAt: 0, acceptedAtText: '1970-01-01T00:00:00Z',
};
const confirmation: ConfirmedPayment = { ...identity, tradeState: 'SUCCESS', confirmedAt: 0, confirmedAtText: '1970-01-01T00:00:00Z' };

describe('isPaymentComplete: 200 ∧ signature ∧ balance, for one transaction and the order total', () => {
  it('holds when all three hold', () => {
    expect(isPaymentComplete(notification, confirmation, order)).toBe(true);
  });

  it.each([
    ['no notification', null, confirmation],
    ['no transaction query', notification, null],
    ['signature not verified', { ...notification, signatureVerified: false }, confirmation],
    ['answered 500', { ...notification, httpStatusAnswered: 500 }, confirmation],
    ['query says NOTPAY', notification, { ...confirmation, tradeState: 'NOTPAY' }],
    ['another transaction', notification, { ...confirmation, transactionId: TX2 }],
    ['another out_trade_no', notification, { ...confirmation, outTradeNo: 'OMS-OTHER-0002' }],
    ['another provider', notification, { ...confirmation, provider: 'ALIPAY' as const }],
    ['another amount', { ...notification, amount: TOTAL + 1 }, { ...confirmation, amount: TOTAL + 1 }],
    ['malformed ids on both sides', { ...notification, transactionId: '1' }, { ...confirmation, transactionId: '1' }],
  ])('fails with %s', (_case, n, c) => {
    expect(isPaymentComplete(n, c, order)).toBe(false);
  });
});

describe('paymentIdProblems', () => {
  it('names each malformed id', () => {
    expect(paymentIdProblems('WECHAT_PAY', '', '')).toEqual([
      'transactionId "" is not a well-formed WECHAT_PAY transaction id',
      'outTradeNo "" is not a well-formed WECHAT_PAY out_trade_no',
    ]);
    expect(paymentIdProblems('ALIPAY', '2026012022001412345678901234', 'OMS_1')).toEqual([]);
  });

  it('refuses a formats file that misses a provider', () => {
    expect(() => loadPaymentIdFormats({ WECHAT_PAY: { transactionId: '^\\d+$', outTradeNo: '^\\w+$' } })).toThrow(/ALIPAY needs transactionId and outTradeNo/);
  });
});
