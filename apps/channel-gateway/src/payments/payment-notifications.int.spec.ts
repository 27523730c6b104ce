import { Topics, type PaymentNotification } from '@oms/contracts';
import { InMemoryInboxStore, InProcessBus, type InMemoryUnitOfWork } from '@oms/messaging';
import { isCallbackVerified } from '@oms/payment-protocols';
import { createTestSchema, testDatabaseUrl, waitFor, type TestSchema } from '@oms/testing';
import { channelHeaders, editedFixture } from '../testing/channel-webhooks';
import { post } from '../testing/http-client';
import { recordTopic, type SeenRecord } from '../testing/in-process-recorder';
import { sampleAlipayParams, sampleWechatTransaction, signedAlipayBody, signedWechatNotification } from '../testing/sample-payments';
import { testGatewayConfig } from '../testing/test-gateway-config';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { testMerchant } from '../testing/test-merchant';
import { testProviderKeys } from '../testing/test-provider-keys';

// The HTTP layer of payment notifications through the real application, real PostgreSQL (own
// schema) and the in-process bus, whose consumer group shows what a downstream service receives.
const keys = testProviderKeys();
let db: TestSchema;
let bus: InProcessBus<InMemoryUnitOfWork>;
let gateway: TestGateway;
let recorder: { records: SeenRecord[]; close(): Promise<void> };

const config = () => testGatewayConfig(keys, { databaseUrl: testDatabaseUrl(), schema: db.schema, kafkaBrokers: 'inprocess' });
const wechat = (n: { headers: Record<string, string>; body: string }) => post(`${gateway.url}/payments/wechatpay/notify`, n.body, n.headers);
const alipay = (body: string) => post(`${gateway.url}/payments/alipay/notify`, body, { 'content-type': 'application/x-www-form-urlencoded' });
const notificationsOf = (outTradeNo: string) =>
  recorder.records.filter((record) => record.decoded.recordName === 'PaymentNotification' && record.key === outTradeNo).map((record) => record.decoded.value as PaymentNotification);

/** Sends a valid sentinel and waits for it: everything sent before it has been published or refused. */
async function settle(): Promise<void> {
  const transaction = sampleWechatTransaction();
  expect((await wechat(signedWechatNotification(keys, transaction))).status).toBe(200);
  await waitFor('the sentinel notification', () => notificationsOf(transaction.out_trade_no).length === 1);
}

beforeAll(async () => {
  db = await createTestSchema('gw_payments');
  bus = new InProcessBus({ inbox: new InMemoryInboxStore() });
  gateway = await startTestGateway({ config: config(), bus });
  recorder = await recordTopic(bus, Topics.ingressPayments);
});

afterAll(async () => {
  await recorder.close();
  await gateway.close();
  await bus.close();
  await db.drop();
});

describe('WeChat Pay notifications over HTTP', () => {
  it('answers 200 only once published, with X-Callback-Verified over out_trade_no + timestamp', async () => {
    const transaction = sampleWechatTransaction();
    const answer = await wechat(signedWechatNotification(keys, transaction));
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    const timestamp = answer.headers.get('x-callback-timestamp')!;
    expect(timestamp).toMatch(/^\d{13}$/);
    expect(isCallbackVerified(transaction.out_trade_no, timestamp, answer.headers.get('x-callback-verified')!, testMerchant.callbackSecret)).toBe(true);
    expect(isCallbackVerified(transaction.out_trade_no, timestamp, answer.headers.get('x-callback-verified')!, 'another-secret-of-at-least-32-bytes!!')).toBe(false);
    await waitFor('the record', () => notificationsOf(transaction.out_trade_no).length === 1);
    expect(notificationsOf(transaction.out_trade_no)).toEqual([expect.objectContaining({ signatureVerified: true, httpStatusAnswered: 200, transactionId: transaction.transaction_id, amount: 27_500 })]);
  });

  it('refuses each forged, stale, replayed or malformed notification with the right status, publishing nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    const base = sampleWechatTransaction();
    const replayed = signedWechatNotification(keys, base);
    expect((await wechat(replayed)).status).toBe(200);
    const cases: Array<[string, { headers: Record<string, string>; body: string }, number, string]> = [
      ['bad signature', { ...signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: 'FORGED000001' })), body: signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: 'FORGED000001', amount: { total: 1, currency: 'CNY' } })).body }, 401, 'SIGN_ERROR'],
      ['stale timestamp', signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: 'STALE0000001' }), { timestampSeconds: now - 301 }), 401, 'TIMESTAMP_EXPIRED'],
      ['replayed nonce', replayed, 401, 'NONCE_REPLAYED'],
      ['unknown key serial', { ...signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: 'SERIAL000001' })), headers: { ...replayed.headers, 'wechatpay-serial': keys.otherPlatform.serial } }, 401, 'CERT_SERIAL_UNKNOWN'],
      ['truncated body', { ...replayed, body: replayed.body.slice(0, 80) }, 401, 'SIGN_ERROR'],
      ['missing transaction_id', signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: 'NOTXID000001', transaction_id: undefined })), 400, 'INVALID_TRADE_IDS'],
      ['malformed out_trade_no', signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: 'BAD OUT TRADE' })), 400, 'INVALID_TRADE_IDS'],
      ['invalid amount', signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: 'AMOUNT000001', amount: { total: -5, currency: 'CNY' } })), 400, 'INVALID_AMOUNT'],
      ['another merchant', signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: 'MCH000000001', mchid: '1900000999' })), 400, 'MCH_MISMATCH'],
    ];
    for (const [name, notification, status, code] of cases) {
      const answer = await wechat(notification);
      expect({ name, status: answer.status, body: answer.json }).toEqual({ name, status, body: { code, message: expect.any(String) } });
      expect(answer.headers.get('x-callback-verified')).toBeNull();
    }
    await settle();
    for (const outTradeNo of ['FORGED000001', 'STALE0000001', 'SERIAL000001', 'NOTXID000001', 'BAD OUT TRADE', 'AMOUNT000001', 'MCH000000001']) expect(notificationsOf(outTradeNo)).toEqual([]);
    expect(notificationsOf(base.out_trade_no)).toHaveLength(1);
  });

  it('answers 413 to a body over 1 MB without keeping it', async () => {
    const huge = signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: 'HUGE00000001' }));
    expect(await wechat({ ...huge, body: `${huge.body}${' '.repeat(1024 * 1024)}` })).toMatchObject({ status: 413, json: { code: 'PAYLOAD_TOO_LARGE' } });
    await settle();
    expect(notificationsOf('HUGE00000001')).toEqual([]);
  });

  it('publishes one PaymentNotification for the same payment delivered five times at once (providers retry)', async () => {
    const transaction = sampleWechatTransaction();
    const deliveries = Array.from({ length: 5 }, () => signedWechatNotification(keys, transaction, { notificationId: 'EV-SAME-NOTIFICATION' }));
    const answers = await Promise.all(deliveries.map(wechat));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    await settle();
    expect(notificationsOf(transaction.out_trade_no)).toHaveLength(1);
  });

  it('refuses a replayed nonce after a restart (the nonce record is in PostgreSQL)', async () => {
    const notification = signedWechatNotification(keys, sampleWechatTransaction());
    expect((await wechat(notification)).status).toBe(200);
    await gateway.close();
    gateway = await startTestGateway({ config: config(), bus });
    expect(await wechat(notification)).toMatchObject({ status: 401, json: { code: 'NONCE_REPLAYED' } });
  });

  it('refuses an amount different from the payable total of the channel order it knows', async () => {
    const outTradeNo = `MP${Date.now()}`;
    const order = editedFixture('miniprogram', (payload) => Object.assign(payload, { order_no: `MP-ORDER-${outTradeNo}`, out_trade_no: outTradeNo }));
    expect((await post(`${gateway.url}/channels/miniprogram/orders`, order, channelHeaders('miniprogram', order))).status).toBe(202);
    const wrong = await wechat(signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: outTradeNo, amount: { total: 100, payer_total: 100, currency: 'CNY' } })));
    expect(wrong).toMatchObject({ status: 400, json: { code: 'AMOUNT_MISMATCH' } });
    expect((await wechat(signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: outTradeNo })))).status).toBe(200);
    await waitFor('the right-amount notification', () => notificationsOf(outTradeNo).length === 1);
    expect(notificationsOf(outTradeNo)).toEqual([expect.objectContaining({ amount: 27_500 })]);
  });
});

describe('Alipay notifications over HTTP', () => {
  it('answers exactly "success" once published, and one record for five deliveries', async () => {
    const params = sampleAlipayParams();
    const body = signedAlipayBody(keys, params);
    const answers = await Promise.all(Array.from({ length: 5 }, () => alipay(body)));
    expect(answers.map((answer) => [answer.status, answer.text])).toEqual(Array.from({ length: 5 }, () => [200, 'success']));
    const first = answers[0];
    expect(isCallbackVerified(params['out_trade_no'], first.headers.get('x-callback-timestamp')!, first.headers.get('x-callback-verified')!, testMerchant.callbackSecret)).toBe(true);
    await settle();
    expect(notificationsOf(params['out_trade_no'])).toEqual([expect.objectContaining({ provider: 'ALIPAY', amount: 27_500, tradeState: 'TRADE_SUCCESS' })]);
  });

  it('answers "failure" to a bad sign, another app_id or seller_id, publishing nothing', async () => {
    const forged = signedAlipayBody(keys, sampleAlipayParams({ out_trade_no: 'ALIFORGED01' })).replace('total_amount=275.00', 'total_amount=1.00');
    const cases: Array<[string, number]> = [
      [forged, 401],
      [signedAlipayBody(keys, sampleAlipayParams({ out_trade_no: 'ALIAPPID001', app_id: '2021000000000009' })), 400],
      [signedAlipayBody(keys, sampleAlipayParams({ out_trade_no: 'ALISELLER01', seller_id: '2088000000000009' })), 400],
    ];
    for (const [body, status] of cases) expect(await alipay(body)).toMatchObject({ status, text: 'failure' });
    await settle();
    for (const outTradeNo of ['ALIFORGED01', 'ALIAPPID001', 'ALISELLER01']) expect(notificationsOf(outTradeNo)).toEqual([]);
  });
});

describe('when the bus is down', () => {
  it('answers 500 and keeps nothing, so the retry is processed afresh', async () => {
    const deadBus = new InProcessBus({ inbox: new InMemoryInboxStore() });
    const second = await startTestGateway({ config: config(), bus: deadBus });
    await deadBus.close();
    const transaction = sampleWechatTransaction();
    const notification = signedWechatNotification(keys, transaction);
    expect(await post(`${second.url}/payments/wechatpay/notify`, notification.body, notification.headers)).toMatchObject({ status: 500, json: { code: 'SYSTEM_ERROR' } });
    await second.close();
    const rows = await db.pool.query('SELECT 1 FROM payment_notifications WHERE out_trade_no = $1 UNION ALL SELECT 1 FROM notification_nonces WHERE nonce = $2', [transaction.out_trade_no, notification.headers['wechatpay-nonce']]);
    expect(rows.rowCount).toBe(0);
    // The provider's retry (same request) is now accepted by a healthy gateway.
    expect((await wechat(notification)).status).toBe(200);
  });
});
