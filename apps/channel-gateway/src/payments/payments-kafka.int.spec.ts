import { Headers, Topics, type ChannelOrder, type PaymentNotification } from '@oms/contracts';
import { isCallbackVerified } from '@oms/payment-protocols';
import { createTestSchema, testDatabaseUrl, testKafkaBrokers, type TestSchema } from '@oms/testing';
import { channelHeaders, editedFixture } from '../testing/channel-webhooks';
import { post } from '../testing/http-client';
import { sampleAlipayParams, sampleWechatTransaction, signedAlipayBody, signedWechatNotification, uniqueOutTradeNo, uniqueWechatTransactionId } from '../testing/sample-payments';
import { testGatewayConfig } from '../testing/test-gateway-config';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { testMerchant } from '../testing/test-merchant';
import { testProviderKeys } from '../testing/test-provider-keys';
import { TopicTail } from '../testing/topic-tail';

// Against the real broker (KafkaMessageBus, acks all) and real PostgreSQL: what the gateway
// answers is what a fresh consumer group finds on the public topics.
const keys = testProviderKeys();
let db: TestSchema;
let gateway: TestGateway;
let tail: TopicTail;

const wechat = (n: { headers: Record<string, string>; body: string }) => post(`${gateway.url}/payments/wechatpay/notify`, n.body, n.headers);
const notifications = (outTradeNo: string) => tail.withKey(outTradeNo).map((record) => record.decoded.value as PaymentNotification);

beforeAll(async () => {
  db = await createTestSchema('gw_kafka');
  gateway = await startTestGateway({ config: testGatewayConfig(keys, { databaseUrl: testDatabaseUrl(), schema: db.schema, kafkaBrokers: testKafkaBrokers().join(',') }) });
  tail = await TopicTail.open(Topics.ingressPayments, Topics.ingressOrders);
}, 60_000);

afterAll(async () => {
  await tail?.close();
  await gateway?.close();
  await db?.drop();
});

it('a verified notification answered 200 is on oms.ingress.payments.v1 with the raw message, the verification result and the status answered', async () => {
  const transaction = sampleWechatTransaction();
  const notification = signedWechatNotification(keys, transaction);
  const answer = await wechat(notification);
  expect(answer.status).toBe(200);
  expect(isCallbackVerified(transaction.out_trade_no, answer.headers.get('x-callback-timestamp')!, answer.headers.get('x-callback-verified')!, testMerchant.callbackSecret)).toBe(true);
  const [record] = await tail.waitForKey(transaction.out_trade_no);
  expect(record.decoded.recordName).toBe('PaymentNotification');
  expect(record.decoded.value).toMatchObject({ signatureVerified: true, verificationFailure: null, httpStatusAnswered: 200, rawBody: notification.body, decryptedResource: JSON.stringify(transaction), signingCertificateSerial: keys.platform.serial });
  expect(record.headers[Headers.messageId]).toBe(`payment-notification:WECHAT_PAY:${transaction.transaction_id}:SUCCESS`);
});

it('the same notification five times gives one PaymentNotification; a forged one gives none', async () => {
  const outTradeNo = uniqueOutTradeNo();
  const transaction = sampleWechatTransaction({ out_trade_no: outTradeNo });
  const answers = await Promise.all(Array.from({ length: 5 }, () => wechat(signedWechatNotification(keys, transaction))));
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
  const forged = signedWechatNotification(keys, sampleWechatTransaction({ out_trade_no: outTradeNo, transaction_id: uniqueWechatTransactionId() }));
  expect((await wechat({ ...forged, body: forged.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') })).status).toBe(401);
  // A last, different payment under the same key: same partition, so once it is read, every
  // earlier record of this out_trade_no has been read too.
  const sentinel = sampleWechatTransaction({ out_trade_no: outTradeNo, transaction_id: uniqueWechatTransactionId() });
  expect((await wechat(signedWechatNotification(keys, sentinel))).status).toBe(200);
  await tail.waitForKey(outTradeNo, 2);
  expect(notifications(outTradeNo).map((record) => record.transactionId)).toEqual([transaction.transaction_id, sentinel.transaction_id]);
});

it('an Alipay notification is answered "success" and recorded', async () => {
  const params = sampleAlipayParams();
  expect(await post(`${gateway.url}/payments/alipay/notify`, signedAlipayBody(keys, params), { 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({ status: 200, text: 'success' });
  const [record] = await tail.waitForKey(params['out_trade_no']);
  expect(record.decoded.value).toMatchObject({ provider: 'ALIPAY', transactionId: params['trade_no'], amount: 27_500, httpStatusAnswered: 200 });
});

it('a channel order answered 202 is on oms.ingress.orders.v1 under channel:channelOrderId', async () => {
  const orderNo = `MP${Date.now()}`;
  const body = editedFixture('miniprogram', (order) => Object.assign(order, { order_no: orderNo, out_trade_no: `OT${orderNo}` }));
  expect((await post(`${gateway.url}/channels/miniprogram/orders`, body, channelHeaders('miniprogram', body))).status).toBe(202);
  const [record] = await tail.waitForKey(`MINI_PROGRAM:${orderNo}`);
  expect(record.decoded.value as ChannelOrder).toMatchObject({ channelOrderId: orderNo, outTradeNo: `OT${orderNo}`, payableTotal: 27_500 });
});

it('serves /health (PostgreSQL and Kafka up), /metrics (notification counters) and /docs (the routes)', async () => {
  const health = (await (await fetch(`${gateway.url}/health`)).json()) as { status: string; info: Record<string, { status: string }> };
  expect(health).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, kafka: { status: 'up' } } });
  const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
  expect(metrics).toMatch(/gateway_payment_notifications_total\{provider="WECHAT_PAY",outcome="accepted"\} \d+/);
  expect(metrics).toMatch(/gateway_payment_notifications_total\{provider="WECHAT_PAY",outcome="refused:BAD_SIGNATURE"\} \d+/);
  const docs = (await (await fetch(`${gateway.url}/docs-json`)).json()) as { paths: Record<string, unknown> };
  expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/payments/wechatpay/notify', '/payments/alipay/notify', '/channels/{channel}/orders', '/orders/{id}/verify-payment', '/health', '/metrics']));
});
