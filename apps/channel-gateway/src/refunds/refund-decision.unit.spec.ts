import { decode } from '@oms/contracts';
import { recordFixture as fixture } from '@oms/contracts/testing';
import { unreachableRefundAnswer, type ProviderRefundAnswer } from './provider-refund-answer';
import { decideRefund, refundRetryDelayMs } from './refund-decision';
import type { OwedRefund } from './refund-request.repository';
import { refundResultMessage, toRefundResult } from './refund-result.mapper';

const succeeded: ProviderRefundAnswer = {
  httpStatus: 200,
  rawResponse: '{"status":"SUCCESS"}',
  signatureVerified: true,
  status: 'SUCCESS',
  providerStatus: 'SUCCESS',
  refundId: '50300908092018010701350000000',
  transactionId: '4200002214202406181234567890',
  userReceivedAccount: '支付用户零钱',
  successAt: { epochMs: Date.parse('2024-06-18T02:40:05Z'), text: '2024-06-18T10:40:05+08:00' },
};
const errorAnswer = (httpStatus: number, code: string): ProviderRefundAnswer => ({ ...succeeded, httpStatus, status: null, providerStatus: code, refundId: null });

describe('what a refund answer decides ("compensation, not cancellation": a refund is concluded only on a signed outcome)', () => {
  it.each<[string, ReturnType<typeof decideRefund>['kind'], ProviderRefundAnswer]>([
    ['a signed SUCCESS', 'final', succeeded],
    ['a signed CLOSED', 'final', { ...succeeded, status: 'CLOSED', providerStatus: 'CLOSED' }],
    ['a signed PROCESSING', 'processing', { ...succeeded, status: 'PROCESSING', providerStatus: 'PROCESSING' }],
    ['no answer at all', 'retry', unreachableRefundAnswer('connect ECONNREFUSED')],
    ['a 500 SYSTEM_ERROR', 'retry', errorAnswer(500, 'SYSTEM_ERROR')],
    ['a 429 FREQUENCY_LIMITED', 'retry', errorAnswer(429, 'FREQUENCY_LIMITED')],
    ['a 403 NOT_ENOUGH (merchant balance short: pays out later)', 'retry', errorAnswer(403, 'NOT_ENOUGH')],
    ['an unsigned SUCCESS (proves nothing)', 'retry', { ...succeeded, signatureVerified: false }],
    ['a 404 RESOURCE_NOT_EXISTS (retrying will not help)', 'final', errorAnswer(404, 'RESOURCE_NOT_EXISTS')],
  ])('WeChat Pay: %s → %s', (_, kind, answer) => {
    expect(decideRefund('WECHAT_PAY', answer).kind).toBe(kind);
  });

  it('maps a business refusal to ABNORMAL (a human must see it), and Alipay transient codes to a retry', () => {
    expect(decideRefund('WECHAT_PAY', errorAnswer(400, 'INVALID_REQUEST'))).toEqual({ kind: 'final', status: 'ABNORMAL' });
    expect(decideRefund('ALIPAY', errorAnswer(200, 'ACQ.TRADE_NOT_EXIST'))).toEqual({ kind: 'final', status: 'ABNORMAL' });
    expect(decideRefund('ALIPAY', errorAnswer(200, 'ACQ.SYSTEM_ERROR')).kind).toBe('retry');
    expect(decideRefund('ALIPAY', errorAnswer(200, 'ACQ.SELLER_BALANCE_NOT_ENOUGH')).kind).toBe('retry');
  });

  it('retries after 1 s, doubling, never more than 5 minutes apart', () => {
    expect([1, 2, 3, 4].map((attempt) => refundRetryDelayMs(attempt))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(refundRetryDelayMs(30)).toBe(300_000);
  });
});

describe('the RefundResult record', () => {
  const requested = fixture('RefundRequested', { refundAmount: 27_500 });
  const owed: OwedRefund = { ...requested, detail: requested.detail, attempts: 1, processingPublished: false };

  it('keeps the request amounts in fen, the provider word and raw answer, and both times with their offsets', () => {
    const receivedAt = Date.parse('2024-06-18T02:40:06.123Z');
    const result = toRefundResult(owed, 30_000, succeeded, 'SUCCESS', receivedAt);
    expect(result).toEqual({
      provider: requested.provider,
      outTradeNo: requested.outTradeNo,
      outRefundNo: requested.outRefundNo,
      refundId: succeeded.refundId,
      transactionId: succeeded.transactionId,
      status: 'SUCCESS',
      providerStatus: 'SUCCESS',
      refundAmount: 27_500,
      totalAmount: 30_000,
      currency: requested.currency,
      userReceivedAccount: '支付用户零钱',
      successAt: Date.parse('2024-06-18T02:40:05Z'),
      successAtText: '2024-06-18T10:40:05+08:00',
      receivedAt,
      receivedAtText: '2024-06-18T10:40:06.123+08:00',
      rawBody: '{"status":"SUCCESS"}',
    });
  });

  it('is keyed by out_trade_no on the payments topic, one message id per refund and state', () => {
    const result = toRefundResult(owed, 27_500, succeeded, 'SUCCESS', Date.now());
    const message = refundResultMessage(result, requested.orderId);
    expect(message).toMatchObject({ topic: 'oms.ingress.payments.v1', key: requested.outTradeNo, headers: { 'message-id': `refund-result:${requested.provider}:${requested.outRefundNo}:SUCCESS`, 'event-type': 'RefundResult' } });
    expect(decode(message.value)).toMatchObject({ recordName: 'RefundResult', value: { outRefundNo: requested.outRefundNo, refundAmount: 27_500 } });
  });
});
