import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode, Topics, type RefundRequested } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import { InMemoryInboxStore, KafkaMessageBus, KafkaTopicAdmin, PrefixedTopicsBus, type MessageBus } from '@oms/messaging';
import { createTestSchema, freePort, testDatabaseUrl, testKafkaBrokers, type TestSchema, uniqueName, waitFor } from '@oms/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- order-service's own test helpers: its event log reader and process launcher
import { OrderEventLog, type PublishedEvent } from '../../../order-service/src/testing/order-event-log';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { spawnOrderService, type ServiceProcess } from '../../../order-service/src/testing/service-process';
import { waitForGroupCaughtUp } from '../testing/consumer-catch-up';
import { uniqueOutTradeNo } from '../testing/sample-payments';
import { SIMULATED_TEA_ORDER_TOTAL, simulatedTeaOrder } from '../testing/simulated-orders';
import { gatewayConfigWithSimulators, spawnSimulators, testSimulatorsEnv, type SimulatorsProcess } from '../testing/simulators-process';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { testProviderKeys } from '../testing/test-provider-keys';

// End to end with the real order-service (its own process), the real broker and PostgreSQL, and
// the simulators (their own process): simulator order → gateway → order-service; simulator
// payment → gateway → query confirmation → paid; and the compensation path, reservation failure
// → RefundRequested → the gateway refunds at the simulator → RefundResult → closed(REFUNDED).
// Every topic carries this run's prefix (gateway and order-service alike), so concurrent runs
// never share the public topics.
type Provider = 'WECHAT_PAY' | 'ALIPAY';
interface Delivery { status: number; acknowledged: boolean }
interface SimulatedTrade { refunded: number; refunds: Array<{ outRefundNo: string; amount: number }>; tradeState: string }
interface OrderView { state: { status: string; closeReason?: string | null } }

const keys = testProviderKeys();
const prefix = `${uniqueName('gwos')}.`;
const orderServiceGroup = `${prefix}order-service`;
let gatewayDb: TestSchema;
let orderServiceDb: TestSchema;
let simulators: SimulatorsProcess;
let orderService: ServiceProcess;
let gateway: TestGateway;
let client: MessageBus<unknown>;
const events = new OrderEventLog(fulfil);
/** out_trade_nos whose inventory reservation the warehouse (this test) fails; the others stay unanswered. */
const failReservation = new Set<string>();
const outTradeNoOf = new Map<string, string>();

async function fulfil(event: PublishedEvent): Promise<void> {
  if (event.type === 'OrderPlaced') outTradeNoOf.set(event.orderId, String(event.value['outTradeNo']));
  if (event.type !== 'InventoryReservationRequested' || !failReservation.has(outTradeNoOf.get(event.orderId) ?? '')) return;
  const result = recordFixture('InventoryReservationResult', { orderId: event.orderId, reservationId: String(event.value['reservationId']), outcome: 'FAILED', failureReason: 'OUT_OF_STOCK', failureDetail: 'TEA-LJ-250G 可用库存 0' });
  await client.producer.send([{ topic: Topics.fulfillmentEvents, key: event.orderId, value: encode('InventoryReservationResult', result), headers: { 'message-id': `wms-${event.eventId}`, 'event-type': 'InventoryReservationResult' } }]);
}

beforeAll(async () => {
  [gatewayDb, orderServiceDb] = await Promise.all([createTestSchema('gw_os_e2e'), createTestSchema('os_gw_e2e')]);
  const brokers = testKafkaBrokers().join(',');
  simulators = await spawnSimulators(testSimulatorsEnv(keys));
  orderService = await spawnOrderService(
    { DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: orderServiceDb.schema, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_GROUP_ID: orderServiceGroup, JWT_SECRET: 'gateway-e2e-order-service-secret', LOG_LEVEL: 'warn', OTEL_SDK_DISABLED: 'true' },
    join(tmpdir(), `${prefix}order-service.log`),
    await freePort(),
  );
  const config = gatewayConfigWithSimulators(keys, simulators, { databaseUrl: testDatabaseUrl(), schema: gatewayDb.schema, kafkaBrokers: brokers, confirmationEnabled: true, refundsEnabled: true, topicPrefix: prefix });
  gateway = await startTestGateway({ config });
  client = new PrefixedTopicsBus(new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'gateway-e2e-client', inbox: new InMemoryInboxStore() }), prefix);
  await events.start(client, `${prefix}readers`);
}, 120_000);

afterAll(async () => {
  await events.stop();
  await gateway?.close();
  await orderService?.kill('SIGTERM');
  await simulators?.stop();
  await client?.close();
  const admin = new KafkaTopicAdmin({ brokers: testKafkaBrokers(), clientId: 'gateway-e2e-admin' });
  const topics = [Topics.ingressOrders, Topics.ingressPayments, Topics.ingressInvoices, Topics.fulfillmentEvents, Topics.orderEvents, Topics.dispatch];
  await admin.deleteTopics(topics.flatMap((topic) => [`${prefix}${topic}`, `${prefix}${topic}.dlq`])).catch(() => undefined).finally(() => admin.close());
  await Promise.all([gatewayDb?.drop(), orderServiceDb?.drop()]);
}, 60_000);

const orderState = async (orderId: string) => ((await (await fetch(`${orderService.url}/orders/${orderId}`)).json()) as OrderView).state;
const trade = async (provider: Provider, outTradeNo: string) => (await simulators.control<{ trade: SimulatedTrade }>('GET', `/simulator/payments/${provider}/${outTradeNo}`)).trade;

/** The simulator's mini-program sends the order to the gateway; order-service places it. */
async function placeOrder(outTradeNo: string): Promise<string> {
  const placed = await simulators.control<{ status: number }>('POST', '/simulator/channels/miniprogram/orders', { gatewayUrl: gateway.url, order: simulatedTeaOrder(`MP${outTradeNo}`, outTradeNo) });
  expect(placed.status).toBe(202);
  return waitFor(`OrderPlaced for ${outTradeNo}`, () => [...outTradeNoOf.entries()].find(([, known]) => known === outTradeNo)?.[0], { timeoutMs: 30_000 });
}

/** The buyer pays at the simulator, which notifies the gateway (and retries until answered). */
async function pay(provider: Provider, outTradeNo: string): Promise<void> {
  const notifyUrl = `${gateway.url}/payments/${provider === 'WECHAT_PAY' ? 'wechatpay' : 'alipay'}/notify`;
  await simulators.control('POST', '/simulator/payments', { provider, outTradeNo, amount: SIMULATED_TEA_ORDER_TOTAL, notifyUrl });
}

it('simulator order and WeChat Pay payment → gateway → order-service: paid; the notification five more times → one payment', async () => {
  const outTradeNo = uniqueOutTradeNo('GWOS');
  const orderId = await placeOrder(outTradeNo);
  await pay('WECHAT_PAY', outTradeNo);
  await events.waitForEvent(orderId, 'OrderPaid', 30_000);
  expect(events.typesOf(orderId)).toEqual(expect.arrayContaining(['OrderPlaced', 'PaymentNotificationAccepted', 'PaymentConfirmed', 'OrderPaid']));
  expect(await orderState(orderId)).toMatchObject({ status: 'paid' });

  const again = await simulators.control<Delivery[]>('POST', `/simulator/payments/WECHAT_PAY/${outTradeNo}/redeliveries`, { times: 5 });
  expect(again.map((delivery) => [delivery.status, delivery.acknowledged])).toEqual(Array.from({ length: 5 }, () => [200, true]));
  // Barrier: order-service has processed everything on the payments topic by now.
  await waitForGroupCaughtUp(orderServiceGroup, `${prefix}${Topics.ingressPayments}`);
  const types = events.typesOf(orderId);
  expect(types.filter((type) => type === 'PaymentNotificationAccepted')).toHaveLength(1);
  expect(types.filter((type) => type === 'OrderPaid')).toHaveLength(1);
  expect(await orderState(orderId)).toMatchObject({ status: 'paid' });
}, 60_000);

it.each<[Provider]>([['WECHAT_PAY'], ['ALIPAY']])(
  'a reservation failure after a %s payment → RefundRequested → refunded once at the provider → RefundResult → closed(REFUNDED)',
  async (provider) => {
    const outTradeNo = uniqueOutTradeNo(provider === 'WECHAT_PAY' ? 'GWRFW' : 'GWRFA');
    failReservation.add(outTradeNo);
    const orderId = await placeOrder(outTradeNo);
    await pay(provider, outTradeNo);
    const requested = await events.waitForEvent(orderId, 'RefundRequested', 30_000);
    const closed = await events.waitForEvent(orderId, 'OrderClosed', 30_000);
    expect(closed.value).toMatchObject({ reason: 'REFUNDED' });
    expect(events.typesOf(orderId).slice(-2)).toEqual(['RefundCompleted', 'OrderClosed']);
    expect(await orderState(orderId)).toMatchObject({ status: 'closed', closeReason: 'REFUNDED' });

    const refund = requested.value as unknown as RefundRequested;
    expect(await trade(provider, outTradeNo)).toMatchObject({ refunded: SIMULATED_TEA_ORDER_TOTAL, refunds: [{ outRefundNo: refund.outRefundNo, amount: SIMULATED_TEA_ORDER_TOTAL }] });
    const attempts = await gatewayDb.pool.query('SELECT http_status, provider_status FROM refund_attempts WHERE out_refund_no = $1', [refund.outRefundNo]);
    expect(attempts.rows).toEqual([{ http_status: 200, provider_status: provider === 'WECHAT_PAY' ? 'SUCCESS' : '10000 fund_change=Y' }]);

    // The same RefundRequested again, under another message id (a copy, not a redelivery the inbox drops).
    const copyId = `copy-${requested.eventId}`;
    await client.producer.send([{ topic: Topics.orderEvents, key: orderId, value: encode('RefundRequested', refund), headers: { 'message-id': copyId, 'event-type': 'RefundRequested' } }]);
    await waitFor('the gateway consumed the copy', async () => (await gatewayDb.pool.query('SELECT 1 FROM messaging_inbox WHERE message_id = $1', [copyId])).rowCount === 1);
    // The copy found the refund taken: one request row (the original event's), concluded, nothing owed.
    const rows = await gatewayDb.pool.query('SELECT source_message_id, result_published_at IS NOT NULL AS concluded FROM refund_requests WHERE order_id = $1', [orderId]);
    expect(rows.rows).toEqual([{ source_message_id: requested.eventId, concluded: true }]);
    expect((await gatewayDb.pool.query('SELECT count(*)::int AS n FROM refund_attempts WHERE out_refund_no = $1', [refund.outRefundNo])).rows[0]).toEqual({ n: 1 });
    expect((await trade(provider, outTradeNo)).refunds).toHaveLength(1);
  },
  60_000,
);
