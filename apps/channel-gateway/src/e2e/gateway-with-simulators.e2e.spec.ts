import { Topics, type ChannelOrder, type PaymentConfirmation, type PaymentNotification } from '@oms/contracts';
import { isCallbackVerified } from '@oms/payment-protocols';
import { createTestSchema, testDatabaseUrl, testKafkaBrokers, waitFor, type TestSchema } from '@oms/testing';
import { loadGatewayConfig } from '../config/gateway-config';
import { post } from '../testing/http-client';
import { uniqueOutTradeNo } from '../testing/sample-payments';
import { spawnSimulators, type SimulatorsProcess } from '../testing/simulators-process';
import { testGatewayEnv } from '../testing/test-gateway-config';
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

const order = (channelOrderId: string, outTradeNo?: string) => ({
  channelOrderId,
  outTradeNo,
  lines: [{ sku: 'TEA-LJ-250G', title: '明前西湖龙井 250g 罐装', quantity: 2, unitPrice: 12_800, discount: 1_500 }, { sku: 'CUP-GLASS-01', title: '双层玻璃茶杯 300ml', quantity: 1, unitPrice: 3_900, discount: 500 }],
  shippingFee: 0,
  buyer: { id: 'oSim0000001', nickname: '茶友小王', name: '王小明', phone: '13800138000' },
  address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文一西路 588 号 3 幢 1202 室' },
  createdAtMs: Date.now() - 60_000,
});
const sendOrder = (channel: string, body: ReturnType<typeof order>) => simulators.control<{ status: number; body: { orderReference: string; orderDetailUrl: string } }>('POST', `/simulator/channels/${channel}/orders`, { gatewayUrl: gateway.url, order: body });
const pay = (provider: 'WECHAT_PAY' | 'ALIPAY', outTradeNo: string, amount: number) =>
  simulators.control('POST', '/simulator/payments', { provider, outTradeNo, amount, notifyUrl: `${gateway.url}/payments/${provider === 'WECHAT_PAY' ? 'wechatpay' : 'alipay'}/notify` });
const deliveries = async (provider: string, outTradeNo: string) => (await simulators.control<{ deliveries: Delivery[] }>('GET', `/simulator/payments/${provider}/${outTradeNo}`)).deliveries;
const recordsOf = <T>(key: string, recordName: string) => tail.withKey(key).filter((record) => record.decoded.recordName === recordName).map((record) => record.decoded.value as T);

beforeAll(async () => {
  db = await createTestSchema('gw_e2e');
  simulators = await spawnSimulators({
    WECHATPAY_API_V3_KEY: testMerchant.apiV3Key,
    WECHATPAY_MCHID: testMerchant.wechatpayMchid,
    WECHATPAY_APPID: testMerchant.wechatpayAppid,
    WECHATPAY_MERCHANT_PUBLIC_KEY: keys.merchant.publicKeyPem,
    WECHATPAY_MERCHANT_SERIAL: keys.merchant.serial,
    ALIPAY_APP_ID: testMerchant.alipayAppId,
    ALIPAY_SELLER_ID: testMerchant.alipaySellerId,
    ALIPAY_APP_PUBLIC_KEY: keys.alipayApp.publicKeyPem,
    SIMULATOR_RETRY_TIME_SCALE: '0.0005',
    SHOPIFY_WEBHOOK_SECRET: testMerchant.shopifySecret,
    DOUYIN_APP_KEY: testMerchant.douyinAppKey,
    DOUYIN_APP_SECRET: testMerchant.douyinAppSecret,
    PINDUODUO_CLIENT_SECRET: testMerchant.pinduoduoClientSecret,
    MINIPROGRAM_WEBHOOK_SECRET: testMerchant.miniprogramSecret,
  });
  const env = testGatewayEnv(keys, { databaseUrl: testDatabaseUrl(), schema: db.schema, kafkaBrokers: testKafkaBrokers().join(','), wechatpayApiBaseUrl: simulators.url, alipayGatewayUrl: `${simulators.url}/gateway.do`, confirmationEnabled: true });
  const config = loadGatewayConfig({ ...env, WECHATPAY_PLATFORM_PUBLIC_KEYS: JSON.stringify({ [simulators.wechatpaySerial]: simulators.wechatpayPublicKeyPem }), ALIPAY_PUBLIC_KEY: simulators.alipayPublicKeyPem });
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
