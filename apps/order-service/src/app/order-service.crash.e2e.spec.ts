import { Topics, encode } from '@oms/contracts';
import { EventStore } from '@oms/event-store';
import { InMemoryInboxStore, KafkaMessageBus, KafkaTopicAdmin, PrefixedTopicsBus } from '@oms/messaging';
import { createTestSchema, freePort, testDatabaseUrl, testKafkaBrokers, type TestSchema, uniqueName, waitFor } from '@oms/testing';
import { DownstreamSimulator } from '../testing/downstream.simulator';
import { newRunId, orderRecords } from '../testing/ingress-records';
import { OrderEventLog } from '../testing/order-event-log';
import { spawnOrderService, type ServiceProcess } from '../testing/service-process';

import { SERVICE_TOPICS } from './order-service.app';

const ORDERS = 2000;

/**
 * SIGKILL order-service while 2,000 orders flow, start it again: every order still reaches
 * ready_to_dispatch exactly once, every stream's versions are contiguous and its hash chain holds,
 * and no event was duplicated on the topic beyond redelivery of the same event id.
 */
describe('order-service crash (SIGKILL mid-flow, real Kafka and PostgreSQL)', () => {
  let db: TestSchema;
  let service: ServiceProcess | undefined;
  const prefix = `${uniqueName('oscrash')}.`;
  const runId = newRunId();
  const client = new PrefixedTopicsBus(new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'order-service-crash-test', inbox: new InMemoryInboxStore() }), prefix);
  const downstream = new DownstreamSimulator(client.producer);
  const events = new OrderEventLog((event) => downstream.onEvent(event));

  beforeAll(async () => {
    db = await createTestSchema('order_crash');
  });
  afterAll(async () => {
    await service?.kill('SIGKILL');
    await events.stop();
    await downstream.stop();
    await client.close();
    const admin = new KafkaTopicAdmin({ brokers: testKafkaBrokers(), clientId: 'order-service-crash-admin' });
    await admin.deleteTopics(SERVICE_TOPICS.map((topic) => client.actual(topic))).finally(() => admin.close());
    await db.drop();
  }, 60_000);

  it('recovers every order with contiguous streams and no duplicate effects', async () => {
    const env = {
      DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: db.schema, KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_GROUP_ID: `${prefix}order-service`, JWT_SECRET: 'crash-test-secret-0123456789', LOG_LEVEL: 'warn', OTEL_SDK_DISABLED: 'true',
      // The killed member's partitions move to the new one after this (the broker's minimum).
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      // This test is about ready_to_dispatch; the dispatch flow would append plans after its window.
      DISPATCH_ENABLED: 'false',
    };
    const port = await freePort();
    const logFile = `/tmp/order-service-crash-${runId}.log`;
    service = await spawnOrderService(env, logFile, port);
    downstream.start();
    await events.start(client, `${prefix}readers`);

    const orders = Array.from({ length: ORDERS }, (_, n) => orderRecords(runId, n));
    for (let start = 0; start < ORDERS; start += 250) {
      await client.producer.send(orders.slice(start, start + 250).flatMap((order) => [
        { topic: Topics.ingressOrders, key: `MINI_PROGRAM:${order.channelOrder.channelOrderId}`, value: encode('ChannelOrder', order.channelOrder), headers: { 'message-id': `co-${order.orderId}` } },
        { topic: Topics.ingressPayments, key: order.notification.outTradeNo, value: encode('PaymentNotification', order.notification), headers: { 'message-id': `pn-${order.orderId}` } },
        { topic: Topics.ingressPayments, key: order.notification.outTradeNo, value: encode('PaymentConfirmation', order.confirmation), headers: { 'message-id': `pc-${order.orderId}` } },
      ]));
    }
    await waitFor('a quarter of the orders ready', () => events.ordersWith('OrderReadyToDispatch').length >= ORDERS / 4, { timeoutMs: 60_000 });
    await service.kill('SIGKILL');
    const readyAtKill = events.ordersWith('OrderReadyToDispatch').length;
    service = await spawnOrderService(env, logFile, port);
    await waitFor(`all ${ORDERS} orders ready (log: ${logFile})`, () => events.ordersWith('OrderReadyToDispatch').length === ORDERS, { timeoutMs: 90_000, intervalMs: 200 });
    expect(readyAtKill).toBeLessThan(ORDERS);

    const streams = (await db.pool.query<{ stream_id: string; events: number; max_version: number; placed: number; paid: number; ready: number; last: string }>(`
      SELECT stream_id, count(*)::int AS events, max(stream_version) AS max_version,
             count(*) FILTER (WHERE event_type = 'OrderPlaced')::int AS placed,
             count(*) FILTER (WHERE event_type = 'OrderPaid')::int AS paid,
             count(*) FILTER (WHERE event_type = 'OrderReadyToDispatch')::int AS ready,
             (array_agg(event_type ORDER BY stream_version DESC))[1] AS last
        FROM events GROUP BY stream_id`)).rows;
    expect(streams).toHaveLength(ORDERS);
    expect(streams.filter((stream) => stream.events !== stream.max_version)).toEqual([]); // contiguous 1..n
    expect(streams.filter((stream) => stream.placed !== 1 || stream.paid !== 1 || stream.ready !== 1 || stream.last !== 'OrderReadyToDispatch')).toEqual([]);
    expect(await new EventStore(db.pool).verify()).toMatchObject({ ok: true });

    // On the topic, every (order, version) carries one event id: redelivery, never a second event.
    for (const order of orders) {
      const byVersion = new Map<number, Set<string>>();
      for (const event of events.eventsOf(order.orderId)) byVersion.set(event.streamVersion, (byVersion.get(event.streamVersion) ?? new Set()).add(event.eventId));
      expect([...byVersion.values()].every((ids) => ids.size === 1)).toBe(true);
      expect(byVersion.size).toBe(8);
    }
  }, 240_000);
});
