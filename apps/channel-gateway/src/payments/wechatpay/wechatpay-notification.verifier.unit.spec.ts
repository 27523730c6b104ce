import { buildWechatpayNotification, signWechatpayMessage, type WechatpayTransaction } from '@oms/payment-protocols';
import { sampleWechatTransaction, signedWechatNotification } from '../../testing/sample-payments';
import { testGatewayConfig } from '../../testing/test-gateway-config';
import { testMerchant } from '../../testing/test-merchant';
import { testProviderKeys } from '../../testing/test-provider-keys';
import type { RefusalReason } from '../intake/notification-refusal';
import { verifyWechatpayNotification } from './wechatpay-notification.verifier';

const keys = testProviderKeys();
const config = testGatewayConfig(keys, { databaseUrl: 'postgres://unused@127.0.0.1/x', schema: 'unused', kafkaBrokers: 'inprocess' });
const now = Date.parse('2024-06-18T10:31:05.127+08:00');
const nowSeconds = Math.floor(now / 1000);

function verify(notification: { headers: Record<string, string>; body: string }, at = now) {
  return verifyWechatpayNotification({ headers: notification.headers, body: notification.body, receivedAtMs: at }, config.wechatpay, 'CNY');
}

function refusalOf(notification: { headers: Record<string, string>; body: string }, at = now): RefusalReason | 'accepted' {
  const result = verify(notification, at);
  return result.ok ? 'accepted' : result.refusal.reason;
}

const signed = (transaction: WechatpayTransaction, options: Parameters<typeof signedWechatNotification>[2] = {}) =>
  signedWechatNotification(keys, transaction, { timestampSeconds: nowSeconds, ...options });

describe('WeChat Pay v3 notification verification (pure)', () => {
  it('accepts a signed, encrypted, well-formed notification and maps it exactly', () => {
    const transaction = sampleWechatTransaction({ out_trade_no: '20240618103000017001', transaction_id: '4200002214202406181234567890' });
    const notification = signed(transaction, { notificationId: 'EV-2024061810310500123', nonce: 'NONCE0123456789' });
    const result = verify(notification);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.nonce).toEqual({ value: 'NONCE0123456789', signedAtMs: nowSeconds * 1000 });
    expect(result.value.outcome).toBe('PAID');
    expect(result.value.record).toEqual({
      provider: 'WECHAT_PAY',
      notificationId: 'EV-2024061810310500123',
      eventType: 'TRANSACTION.SUCCESS',
      outTradeNo: '20240618103000017001',
      transactionId: '4200002214202406181234567890',
      tradeState: 'SUCCESS',
      merchantId: testMerchant.wechatpayMchid,
      appId: testMerchant.wechatpayAppid,
      payerId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      amount: 27_500,
      payerAmount: 27_500,
      currency: 'CNY',
      successAt: Date.parse('2024-06-18T10:31:02+08:00'),
      successAtText: '2024-06-18T10:31:02+08:00',
      notifiedAt: Date.parse('2024-06-18T10:31:05+08:00'),
      notifiedAtText: '2024-06-18T10:31:05+08:00',
      receivedAt: now,
      receivedAtText: '2024-06-18T10:31:05.127+08:00',
      signatureVerified: true,
      verificationFailure: null,
      signingCertificateSerial: keys.platform.serial,
      httpStatusAnswered: 200,
      rawBody: notification.body,
      decryptedResource: JSON.stringify(transaction),
    });
  });

  describe('refuses who cannot prove to be WeChat Pay', () => {
    const valid = () => signed(sampleWechatTransaction());

    it.each([
      ['a changed signature', (n: ReturnType<typeof valid>) => ({ ...n, headers: { ...n.headers, 'wechatpay-signature': `A${n.headers['wechatpay-signature'].slice(1)}` } }), 'BAD_SIGNATURE'],
      ['a truncated body', (n: ReturnType<typeof valid>) => ({ ...n, body: n.body.slice(0, -10) }), 'BAD_SIGNATURE'],
      ['a body with one byte changed', (n: ReturnType<typeof valid>) => ({ ...n, body: n.body.replace('TRANSACTION', 'TRANSACTIOM') }), 'BAD_SIGNATURE'],
      ['a changed nonce', (n: ReturnType<typeof valid>) => ({ ...n, headers: { ...n.headers, 'wechatpay-nonce': 'OTHERNONCE' } }), 'BAD_SIGNATURE'],
      ['an unknown key serial', (n: ReturnType<typeof valid>) => ({ ...n, headers: { ...n.headers, 'wechatpay-serial': keys.otherPlatform.serial } }), 'UNKNOWN_SERIAL'],
      ['a missing signature header', (n: ReturnType<typeof valid>) => ({ ...n, headers: { ...n.headers, 'wechatpay-signature': '' } }), 'MALFORMED_HEADERS'],
      ['a nonce with odd characters', (n: ReturnType<typeof valid>) => ({ ...n, headers: { ...n.headers, 'wechatpay-nonce': 'a b' } }), 'MALFORMED_HEADERS'],
      ['another signature type', (n: ReturnType<typeof valid>) => ({ ...n, headers: { ...n.headers, 'wechatpay-signature-type': 'WECHATPAY2-SM2-WITH-SM3' } }), 'UNSUPPORTED_SIGNATURE_TYPE'],
      ['a timestamp that is not a number', (n: ReturnType<typeof valid>) => ({ ...n, headers: { ...n.headers, 'wechatpay-timestamp': '17e8' } }), 'STALE_TIMESTAMP'],
    ])('%s', (_, mutate, reason) => {
      expect(refusalOf(mutate(valid()))).toBe(reason);
    });

    it('a notification signed by another key under our serial', () => {
      const forged = buildWechatpayNotification(sampleWechatTransaction(), { serial: keys.platform.serial, privateKey: keys.otherPlatform.privateKeyPem, apiV3Key: testMerchant.apiV3Key }, { timestampSeconds: nowSeconds });
      expect(refusalOf(forged)).toBe('BAD_SIGNATURE');
    });

    it('timestamps 300 s or more away from now, either way; 299 s is still accepted', () => {
      expect(refusalOf(signed(sampleWechatTransaction(), { timestampSeconds: nowSeconds - 300 }))).toBe('STALE_TIMESTAMP');
      expect(refusalOf(signed(sampleWechatTransaction(), { timestampSeconds: nowSeconds + 300 }))).toBe('STALE_TIMESTAMP');
      expect(refusalOf(signed(sampleWechatTransaction(), { timestampSeconds: nowSeconds + 299 }))).toBe('accepted');
      expect(refusalOf(signed(sampleWechatTransaction(), { timestampSeconds: nowSeconds - 299 }))).toBe('accepted');
      expect(refusalOf(signed(sampleWechatTransaction()), now + 3_600_000)).toBe('STALE_TIMESTAMP');
    });
  });

  describe('refuses signed notifications whose content fails the checks', () => {
    const { amount } = sampleWechatTransaction();
    it.each<[string, Partial<WechatpayTransaction>, RefusalReason]>([
      ['missing transaction_id', { transaction_id: undefined }, 'INVALID_IDS'],
      ['empty transaction_id', { transaction_id: '' }, 'INVALID_IDS'],
      ['transaction_id with letters', { transaction_id: '4200002214202406181234567ABC' }, 'INVALID_IDS'],
      ['transaction_id too short', { transaction_id: '42000022142024' }, 'INVALID_IDS'],
      ['missing out_trade_no', { out_trade_no: undefined as unknown as string }, 'INVALID_IDS'],
      ['out_trade_no with a space', { out_trade_no: 'GW 12345678' }, 'INVALID_IDS'],
      ['out_trade_no too long', { out_trade_no: 'G'.repeat(33) }, 'INVALID_IDS'],
      ['another mchid', { mchid: '1900000999' }, 'WRONG_MERCHANT'],
      ['another appid', { appid: 'wx0000000000000000' }, 'WRONG_APP'],
      ['a zero amount', { amount: { ...amount, total: 0 } }, 'INVALID_AMOUNT'],
      ['a negative amount', { amount: { ...amount, total: -100 } }, 'INVALID_AMOUNT'],
      ['a fractional amount', { amount: { ...amount, total: 275.5 } }, 'INVALID_AMOUNT'],
      ['an amount as text', { amount: { ...amount, total: '27500' as unknown as number } }, 'INVALID_AMOUNT'],
      ['a payer total above the total', { amount: { ...amount, payer_total: 30_000 } }, 'INVALID_AMOUNT'],
      ['another currency', { amount: { ...amount, currency: 'USD' } }, 'WRONG_CURRENCY'],
      ['an unknown trade state', { trade_state: 'PAID_MAYBE' }, 'UNKNOWN_TRADE_STATE'],
      ['a paid trade without success_time', { success_time: undefined }, 'INVALID_TIME'],
      ['a success_time without offset', { success_time: '2024-06-18T10:31:02' }, 'INVALID_TIME'],
    ])('%s', (_, overrides, reason) => {
      expect(refusalOf(signed(sampleWechatTransaction(overrides)))).toBe(reason);
    });

    it('a resource encrypted with another API v3 key', () => {
      const notification = buildWechatpayNotification(sampleWechatTransaction(), { serial: keys.platform.serial, privateKey: keys.platform.privateKeyPem, apiV3Key: 'x'.repeat(32) }, { timestampSeconds: nowSeconds });
      expect(refusalOf(notification)).toBe('UNDECRYPTABLE_RESOURCE');
    });

    it('a signed body that is not a notification envelope', () => {
      const body = '{"id":"EV-1","event_type":"TRANSACTION.SUCCESS"}';
      const notification = buildWechatpayNotification(sampleWechatTransaction(), { serial: keys.platform.serial, privateKey: keys.platform.privateKeyPem, apiV3Key: testMerchant.apiV3Key }, { timestampSeconds: nowSeconds });
      const resigned = { headers: { ...notification.headers }, body };
      resigned.headers['wechatpay-signature'] = signWechatpayMessage(notification.headers['wechatpay-timestamp'], notification.headers['wechatpay-nonce'], body, keys.platform.privateKeyPem);
      expect(refusalOf(resigned)).toBe('MALFORMED_BODY');
    });

    it.each([
      ['a NUL', 'EV-1\u0000'],
      ['a line break', 'EV-1\nEV-2'],
      ['nothing', ''],
      ['over 64 characters', `EV-${'9'.repeat(62)}`],
    ])('a notification id with %s (one bad id must not fail the batch it would ride in)', (_, notificationId) => {
      expect(refusalOf(signed(sampleWechatTransaction(), { notificationId }))).toBe('MALFORMED_BODY');
    });
  });
});
