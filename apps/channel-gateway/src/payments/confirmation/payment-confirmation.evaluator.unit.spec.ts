import { toPaymentConfirmation, type ConfirmationSubject } from './payment-confirmation.evaluator';
import { unreachableAnswer, type ProviderTradeAnswer } from './provider-trade-answer';

const subject: ConfirmationSubject = { provider: 'WECHAT_PAY', outTradeNo: 'GW1', transactionId: '4200002214202406181234567890', amount: 27_500, currency: 'CNY', merchantId: '1900000109' };
const paid: ProviderTradeAnswer = {
  httpStatus: 200,
  rawResponse: '{"trade_state":"SUCCESS"}',
  signatureVerified: true,
  tradeState: 'SUCCESS',
  transactionId: '4200002214202406181234567890',
  amount: 27_500,
  currency: 'CNY',
  successAt: { epochMs: Date.parse('2024-06-18T10:31:02+08:00'), text: '2024-06-18T10:31:02+08:00' },
};
const queriedAt = Date.parse('2024-06-18T10:31:05.486+08:00');

describe('balance confirmation: "payment complete = 200 ∧ signature ∧ balance"', () => {
  it('confirms a signed 200 answer saying SUCCESS for the same transaction, amount and currency', () => {
    expect(toPaymentConfirmation(subject, paid, queriedAt)).toEqual({
      provider: 'WECHAT_PAY',
      outTradeNo: 'GW1',
      transactionId: '4200002214202406181234567890',
      tradeState: 'SUCCESS',
      confirmed: true,
      amount: 27_500,
      currency: 'CNY',
      merchantId: '1900000109',
      successAt: Date.parse('2024-06-18T10:31:02+08:00'),
      successAtText: '2024-06-18T10:31:02+08:00',
      queriedAt,
      queriedAtText: '2024-06-18T10:31:05.486+08:00',
      httpStatus: 200,
      rawResponse: '{"trade_state":"SUCCESS"}',
    });
  });

  it.each<[string, Partial<ProviderTradeAnswer>]>([
    ['an unsigned answer', { signatureVerified: false }],
    ['a trade not paid', { tradeState: 'NOTPAY' }],
    ['a closed trade', { tradeState: 'CLOSED' }],
    ['another transaction', { transactionId: '4200002214202406189999999999' }],
    ['another amount', { amount: 27_499 }],
    ['another currency', { currency: 'USD' }],
    ['a 404 ORDER_NOT_EXIST', { httpStatus: 404, tradeState: 'ORDER_NOT_EXIST', transactionId: null, amount: null }],
  ])('does not confirm %s, but records it', (_, change) => {
    const confirmation = toPaymentConfirmation(subject, { ...paid, ...change }, queriedAt);
    expect(confirmation.confirmed).toBe(false);
    expect(confirmation.httpStatus).toBe(change.httpStatus ?? 200);
  });

  it('records an unreachable provider as QUERY_FAILED with HTTP status 0', () => {
    expect(toPaymentConfirmation(subject, unreachableAnswer('connect ECONNREFUSED'), queriedAt)).toMatchObject({ confirmed: false, tradeState: 'QUERY_FAILED', httpStatus: 0, rawResponse: 'connect ECONNREFUSED', currency: 'CNY' });
  });

  it('confirms Alipay TRADE_FINISHED too, and takes the provider amount when none was expected', () => {
    const alipay = { ...subject, provider: 'ALIPAY' as const, transactionId: null, amount: null };
    expect(toPaymentConfirmation(alipay, { ...paid, tradeState: 'TRADE_FINISHED', amount: 100 }, queriedAt)).toMatchObject({ confirmed: true, amount: 100 });
  });
});
