import { buildAlipayNotificationBody, signAlipayParams } from '@oms/payment-protocols';
import { sampleAlipayParams, signedAlipayBody } from '../../testing/sample-payments';
import { testGatewayConfig } from '../../testing/test-gateway-config';
import { testMerchant } from '../../testing/test-merchant';
import { testProviderKeys } from '../../testing/test-provider-keys';
import type { RefusalReason } from '../intake/notification-refusal';
import { verifyAlipayNotification } from './alipay-notification.verifier';

const keys = testProviderKeys();
const config = testGatewayConfig(keys, { databaseUrl: 'postgres://unused@127.0.0.1/x', schema: 'unused', kafkaBrokers: 'inprocess' });
const now = Date.parse('2024-06-18T10:31:05.127+08:00');

const verify = (body: string) => verifyAlipayNotification({ body, receivedAtMs: now }, config.alipay, 'CNY');
const refusalOf = (body: string): RefusalReason | 'accepted' => {
  const result = verify(body);
  return result.ok ? 'accepted' : result.refusal.reason;
};

describe('Alipay notification verification (pure)', () => {
  it('accepts an RSA2-signed TRADE_SUCCESS notification and maps it exactly (yuan → fen, Beijing time made explicit)', () => {
    const params = sampleAlipayParams({ notify_id: 'ac05099524730693a8b330c5ecf72da9786', out_trade_no: '20240618103000017001', trade_no: '2024061822001400251412345678', notify_time: '2024-06-18 10:31:05', total_amount: '275.29', buyer_pay_amount: '270.00' });
    const body = signedAlipayBody(keys, params);
    const result = verify(body);
    expect(result.ok && result.value.record).toEqual({
      provider: 'ALIPAY',
      notificationId: 'ac05099524730693a8b330c5ecf72da9786',
      eventType: 'trade_status_sync',
      outTradeNo: '20240618103000017001',
      transactionId: '2024061822001400251412345678',
      tradeState: 'TRADE_SUCCESS',
      merchantId: testMerchant.alipaySellerId,
      appId: testMerchant.alipayAppId,
      payerId: '2088102122524333',
      amount: 27_529,
      payerAmount: 27_000,
      currency: 'CNY',
      successAt: Date.parse('2024-06-18T10:31:02+08:00'),
      successAtText: '2024-06-18T10:31:02+08:00',
      notifiedAt: Date.parse('2024-06-18T10:31:05+08:00'),
      notifiedAtText: '2024-06-18T10:31:05+08:00',
      receivedAt: now,
      receivedAtText: '2024-06-18T10:31:05.127+08:00',
      signatureVerified: true,
      verificationFailure: null,
      signingCertificateSerial: null,
      httpStatusAnswered: 200,
      rawBody: body,
      decryptedResource: null,
    });
    expect(result.ok && result.value.nonce).toBeNull();
  });

  it.each([
    ['WAIT_BUYER_PAY', 'PENDING'],
    ['TRADE_CLOSED', 'CLOSED'],
    ['TRADE_SUCCESS', 'PAID'],
    ['TRADE_FINISHED', 'PAID_FINAL'],
  ])('maps trade_status %s to %s', (tradeStatus, outcome) => {
    const paid = tradeStatus === 'TRADE_SUCCESS' || tradeStatus === 'TRADE_FINISHED';
    const params = sampleAlipayParams({ trade_status: tradeStatus });
    if (!paid) delete params['gmt_payment'];
    const result = verify(signedAlipayBody(keys, params));
    expect(result.ok && result.value.outcome).toBe(outcome);
    expect(result.ok && result.value.record.successAt === null).toBe(!paid);
  });

  describe('refuses', () => {
    it('a bad sign, a tampered parameter, a missing sign, sign_type RSA, an empty or ambiguous body', () => {
      const body = signedAlipayBody(keys, sampleAlipayParams());
      expect(refusalOf(body.replace(/sign=[^&]+/, `sign=${encodeURIComponent(signAlipayParams({ a: 'b' }, keys.alipay.privateKeyPem))}`))).toBe('BAD_SIGNATURE');
      expect(refusalOf(body.replace('total_amount=275.00', 'total_amount=2.75'))).toBe('BAD_SIGNATURE');
      expect(refusalOf(body.replace(/&sign=[^&]+/, ''))).toBe('BAD_SIGNATURE');
      expect(refusalOf(body.slice(0, Math.floor(body.length / 2)))).not.toBe('accepted');
      expect(refusalOf(body.replace('sign_type=RSA2', 'sign_type=RSA'))).toBe('UNSUPPORTED_SIGNATURE_TYPE');
      expect(refusalOf(buildAlipayNotificationBody(sampleAlipayParams(), keys.otherPlatform.privateKeyPem))).toBe('BAD_SIGNATURE');
      expect(refusalOf('')).toBe('MALFORMED_BODY');
      // Same decoded values, other bytes: a raw space for '+', junk empty parameters.
      expect(refusalOf(body.replace('+', ' '))).toBe('MALFORMED_BODY');
      expect(refusalOf(`${body}&%3C90`)).toBe('MALFORMED_BODY');
      expect(refusalOf(`${body}&out_trade_no=OTHER`)).toBe('MALFORMED_BODY');
    });

    it.each<[string, Record<string, string>, RefusalReason]>([
      ['another app_id', { app_id: '2021000000000001' }, 'WRONG_APP'],
      ['another seller_id', { seller_id: '2088000000000001' }, 'WRONG_MERCHANT'],
      ['an empty trade_no', { trade_no: '' }, 'INVALID_IDS'],
      ['a trade_no with letters', { trade_no: '2024ABC' }, 'INVALID_IDS'],
      ['an out_trade_no with a dash', { out_trade_no: 'GW-123' }, 'INVALID_IDS'],
      ['a total_amount with three decimals', { total_amount: '275.001' }, 'INVALID_AMOUNT'],
      ['a negative total_amount', { total_amount: '-275.00' }, 'INVALID_AMOUNT'],
      ['a zero total_amount', { total_amount: '0.00' }, 'INVALID_AMOUNT'],
      ['a total_amount in words', { total_amount: 'abc' }, 'INVALID_AMOUNT'],
      ['a buyer_pay_amount above the total', { buyer_pay_amount: '300.00' }, 'INVALID_AMOUNT'],
      ['an unknown trade_status', { trade_status: 'TRADE_PENDING' }, 'UNKNOWN_TRADE_STATE'],
      ['a notify_time in another format', { notify_time: '2024-06-18T10:31:05+08:00' }, 'INVALID_TIME'],
      ['a paid trade without gmt_payment', { gmt_payment: '' }, 'INVALID_TIME'],
      ['no notify_id', { notify_id: '' }, 'MALFORMED_BODY'],
    ])('%s', (_, overrides, reason) => {
      expect(refusalOf(signedAlipayBody(keys, sampleAlipayParams(overrides)))).toBe(reason);
    });
  });
});
