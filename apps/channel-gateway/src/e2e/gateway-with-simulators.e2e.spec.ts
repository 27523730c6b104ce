import { Topics, type ChannelOrder, type PaymentConfirmation, type PaymentNotification } from '@oms/contracts';
import { isCallbackVerified } from '@oms/payment-protocols';
import { createTestSchema, testDatabaseUrl, testKafkaBrokers, waitFor, type TestSchema } from '@oms/testing';
import { post } from '../testing/http-client';
import { uniqueOutTradeNo } from '../testing/sample-payments';
import { gatewayConfigWithSimulators, spawnSimulators, testSimulatorsEnv, type SimulatorsProcess } from '../testing/simulators-process';
import { simulatedTeaOrder } from '../testing/simulated-orders';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { testMerchant } from '../testing/test-merchant';
import { testProviderKeys } from '../testing/test-provider-keys';
import { TopicTail } from '../testing/topic-tail';

// End to end over real HTTP, the real broker and real PostgreSQL: the simulators (their own
// process, their own generated keys) place channel orders and pay them; the gateway verifies,
// publishes, answers and confirms with the provider's query API.
interface Delivery { status: number; acknowledged: boolean; callbackVerified: string | null; callbackTimestamp: string | null }

const keys = testProviderKeys();
let db: TestSchema;
let simulators: SimulatorsProcess;
let gateway: TestGateway;
let tail: TopicTail;

const order = simulatedTeaOrder;
const sendOrder = (channel: string, body: ReturnType<typeof order>) => simulators.control<{ status: number; body: { orderReference: string; orderDetailUrl: string } }>('POST', `/simulator/channels/${channel}/orders`, { gatewayUrl: gateway.url, order: body });
const pay = (provider: 'WECHAT_PAY' | 'ALIPAY', outTradeNo: string, amount: number) =>
  simulators.control('POST', '/simulator/payments', { provider, outTradeNo, amount, notifyUrl: `${gateway.url}/payments/${provider === 'WECHAT_PAY' ? 'wechatpay' : 'alipay'}/notify` });
const deliveries = async (provider: string, outTradeNo: string) => (await simulators.control<{ deliveries: Delivery[] }>('GET', `/simulator/payments/${provider}/${outTradeNo}`)).deliveries;
const recordsOf = <T>(key: string, recordName: string) => tail.withKey(key).filter((record) => record.decoded.recordName === recordName).map((record) => record.decoded.value as T);

beforeAll(async () => {
  db = await createTestSchema('gw_e2e');
  simulators = await spawnSimulators(testSimulatorsEnv(keys));
  const config = gatewayConfigWithSimulators(keys, simulators, { databaseUrl: testDatabaseUrl(), schema: db.schema, kafkaBrokers: testKafkaBrokers().join(','), confirmationEnabled: true });
  [gateway, tail] = await Promise.all([startTestGateway({ config }), TopicTail.open(Topics.ingressPayments, Topics.ingressOrders)]);
}, 90_000);

afterAll(async () => {
  await simulators?.stop();
  await tail?.close();
  await gateway?.close();
  await db?.drop();
});

it('a mini-program order paid with WeChat Pay: notified, verified, published, answered 200 with X-Callback-Verified, confirmed by the query API', async () => {
  const outTradeNo = uniqueOutTradeNo('E2E');
  const placed = await sendOrder('miniprogram', order(`MP${outTradeNo}`, outTradeNo));
  expect(placed.status).toBe(202);
  await tail.waitForKey(placed.body.orderReference);
  expect(recordsOf<ChannelOrder>(placed.body.orderReference, 'ChannelOrder')).toEqual([expect.objectContaining({ outTradeNo, payableTotal: 27_500 })]);

  await pay('WECHAT_PAY', outTradeNo, 27_500);
  await tail.waitForKey(outTradeNo, 2);
  expect(recordsOf<PaymentNotification>(outTradeNo, 'PaymentNotification')).toEqual([
    expect.objectContaining({ provider: 'WECHAT_PAY', signatureVerified: true, httpStatusAnswered: 200, amount: 27_500, signingCertificateSerial: simulators.wechatpaySerial }),
  ]);
  expect(recordsOf<PaymentConfirmation>(outTradeNo, 'PaymentConfirmation')).toEqual([expect.objectContaining({ confirmed: true, tradeState: 'SUCCESS', httpStatus: 200, amount: 27_500 })]);
  const [delivery] = await deliveries('WECHAT_PAY', outTradeNo);
  expect(delivery).toMatchObject({ status: 200, acknowledged: true });
  expect(isCallbackVerified(outTradeNo, delivery.callbackTimestamp!, delivery.callbackVerified!, testMerchant.callbackSecret)).toBe(true);
});

it('an Alipay payment is answered "success" and confirmed by alipay.trade.query', async () => {
  const outTradeNo = uniqueOutTradeNo('E2EALI');
  await pay('ALIPAY', outTradeNo, 8_888);
  await tail.waitForKey(outTradeNo, 2);
  expect(recordsOf<PaymentNotification>(outTradeNo, 'PaymentNotification')).toEqual([expect.objectContaining({ provider: 'ALIPAY', amount: 8_888, tradeState: 'TRADE_SUCCESS' })]);
  expect(recordsOf<PaymentConfirmation>(outTradeNo, 'PaymentConfirmation')).toEqual([expect.objectContaining({ provider: 'ALIPAY', confirmed: true, amount: 8_888, tradeState: 'TRADE_SUCCESS' })]);
  expect(await deliveries('ALIPAY', outTradeNo)).toEqual([expect.objectContaining({ status: 200, acknowledged: true })]);
});

it('the provider delivering the same notification five more times gives one payment downstream', async () => {
  const outTradeNo = uniqueOutTradeNo('E2EDUP');
  await pay('WECHAT_PAY', outTradeNo, 500);
  await tail.waitForKey(outTradeNo, 2);
  const again = await simulators.control<Delivery[]>('POST', `/simulator/payments/WECHAT_PAY/${outTradeNo}/redeliveries`, { times: 5 });
  expect(again.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200, 200]);
  // A second payment under the same out_trade_no lands in the same partition, after any duplicate.
  await pay('WECHAT_PAY', outTradeNo, 600);
  await tail.waitForKey(outTradeNo, 4);
  expect(recordsOf<PaymentNotification>(outTradeNo, 'PaymentNotification').map((record) => record.amount)).toEqual([500, 600]);
});

it('a payment of another amount than the order is refused on every retry and never published; verify-payment records the unconfirmed answer', async () => {
  const outTradeNo = uniqueOutTradeNo('E2EAMT');
  expect((await sendOrder('miniprogram', order(`MP${outTradeNo}`, outTradeNo))).status).toBe(202);
  await pay('WECHAT_PAY', outTradeNo, 100);
  const refused = await waitFor('three refused deliveries', async () => {
    const attempts = await deliveries('WECHAT_PAY', outTradeNo);
    return attempts.length >= 3 && attempts;
  });
  expect(refused.every((delivery) => delivery.status === 400 && !delivery.acknowledged)).toBe(true);
  const verified = await post(`${gateway.url}/orders/${outTradeNo}/verify-payment`, JSON.stringify({ provider: 'WECHAT_PAY' }), { 'content-type': 'application/json' });
  expect(verified).toMatchObject({ status: 200, json: { confirmed: false, tradeState: 'SUCCESS', amount: 100 } });
  await tail.waitForKey(outTradeNo);
  expect(recordsOf(outTradeNo, 'PaymentNotification')).toEqual([]);
  expect(recordsOf<PaymentConfirmation>(outTradeNo, 'PaymentConfirmation')).toEqual([expect.objectContaining({ confirmed: false, amount: 100 })]);
  expect(await post(`${gateway.url}/orders/NEVER-SEEN-ORDER/verify-payment`, '')).toMatchObject({ status: 404 });
});

it('the Shopify, Douyin and Pinduoduo simulators send signed webhooks the gateway publishes', async () => {
  const id = `${Date.now()}`;
  const answers = await Promise.all([sendOrder('shopify', order(`7${id}`)), sendOrder('douyin', order(`69${id}`)), sendOrder('pinduoduo', order(`240618-${id}`))]);
  expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
  for (const answer of answers) await tail.waitForKey(answer.body.orderReference);
  expect(answers.map((answer) => recordsOf<ChannelOrder>(answer.body.orderReference, 'ChannelOrder')[0].payableTotal)).toEqual([27_500, 27_500, 27_500]);
});
