/**
 * Orders benchmark: drives N orders through a running order-service on the real broker and
 * database — channel order, payment notification and the provider's query answer published to
 * the ingress topics; the invoice (ERP) and the reservation (warehouse) answered when the
 * service's events ask for them — and
 * prints the sustained orders/s and the latency from ingress to `OrderReadyToDispatch` on
 * `oms.order.events.v1`.
 *
 *   node -r @swc-node/register benchmarks/orders/orders.bench.ts --orders=5000            (as fast as possible)
 *   node -r @swc-node/register benchmarks/orders/orders.bench.ts --orders=5000 --rate=500 (offered load)
 *
 * The service is spawned for the run (own schema, own topic prefix, everything dropped at the end);
 * BENCH_SERVICE_NODE_ARGS are added to its node command line (e.g. `--prof` to see where its time goes);
 * BENCH_SERVICE_LOG_LEVEL sets its log level (default warn). `--instances=2` runs two order-service
 * processes in one consumer group: one process handles its consumers on one thread.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { decode, Topics, type DecodedRecord } from '@oms/contracts';
import { InMemoryInboxStore, KafkaMessageBus, KafkaTopicAdmin, type MessageProducer } from '@oms/messaging';
import { waitFor } from '@oms/testing';
import { percentile } from '../store/stats';
import { loadOrdersBenchOptions, type OrdersBenchOptions } from './bench-options';
import { benchOrderIdOf } from './bench-order-id';
import { orderMessages } from './bench-orders';
import { cpuPerOrder, sampleCpu, type CpuPerOrder } from './cpu-usage';
import { OrderFlowTracker } from './order-flow.tracker';
import { spawnOrderService, type ServiceProcess } from './service-process';

const TOPICS = [Topics.ingressOrders, Topics.ingressPayments, Topics.ingressInvoices, Topics.fulfillmentEvents, Topics.orderEvents];

/** Publishes orders [from, to) at `rate` per second (0 = flat out), in one producer request per tick. */
async function drive(producer: MessageProducer, tracker: OrderFlowTracker, prefix: string, runId: string, from: number, to: number, rate: number): Promise<string[]> {
  const orderIds: string[] = [];
  const started = Date.now();
  for (let next = from; next < to; ) {
    const due = rate > 0 ? Math.min(to, from + Math.floor(((Date.now() - started) * rate) / 1000) + 1) : Math.min(to, next + 250);
    const messages = [];
    for (; next < due; next++) {
      const orderId = benchOrderIdOf('MINI_PROGRAM', `BN${runId}${next}`);
      messages.push(...orderMessages(prefix, runId, next).messages);
      orderIds.push(orderId);
      tracker.sentAt.set(orderId, Date.now());
    }
    if (messages.length > 0) await producer.send(messages);
    if (rate > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return orderIds;
}

function cpuLine(cpu: CpuPerOrder): string {
  const parts = cpu.parts.map(([name, ms]) => `${name} ${ms === null ? 'n/a' : ms.toFixed(1)}`);
  const machine = cpu.machineBusyPercent === null ? 'machine CPU n/a' : `machine ${cpu.machineBusyPercent.toFixed(0)} % busy (all cores)`;
  return `ms CPU/order: ${parts.join(', ')}; ${machine}`;
}

/** p99 latency of the orders sent in each second of the run: a slow start shows apart from a steady state. */
function p99BySecond(tracker: OrderFlowTracker, orderIds: string[], firstSent: number): number[] {
  const bySecond: number[][] = [];
  for (const orderId of orderIds) {
    const sentAt = tracker.sentAt.get(orderId)!;
    (bySecond[Math.floor((sentAt - firstSent) / 1000)] ??= []).push(tracker.readyAt.get(orderId)! - sentAt);
  }
  return bySecond.map((latencies) => percentile(latencies, 99));
}

function report(options: OrdersBenchOptions, tracker: OrderFlowTracker, orderIds: string[], sendMs: number, cpu: string): void {
  const latencies = orderIds.map((orderId) => tracker.readyAt.get(orderId)! - tracker.sentAt.get(orderId)!);
  const firstSent = Math.min(...orderIds.map((orderId) => tracker.sentAt.get(orderId)!));
  const lastReady = Math.max(...orderIds.map((orderId) => tracker.readyAt.get(orderId)!));
  const sustained = (orderIds.length * 1000) / (lastReady - firstSent);
  const lines = [
    `orders                 ${orderIds.length} (offered ${options.rate > 0 ? `${options.rate}/s` : 'flat out'}, published in ${(sendMs / 1000).toFixed(1)} s = ${((orderIds.length * 1000) / sendMs).toFixed(0)}/s) to ${options.instances} order-service process(es)`,
    `sustained              ${sustained.toFixed(0)} orders/s ready_to_dispatch (first ingress → last ready: ${((lastReady - firstSent) / 1000).toFixed(1)} s)`,
    `latency ingress→ready  p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, p99 ${percentile(latencies, 99)} ms, max ${percentile(latencies, 100)} ms`,
    `p99 by second sent     ${p99BySecond(tracker, orderIds, firstSent).join(' ')} ms`,
    `cpu                    ${cpu}`,
    `anomalies              ${[...tracker.anomalies].map(([type, count]) => `${type} ${count}`).join(', ') || 'none'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n${JSON.stringify({ orders: orderIds.length, rate: options.rate, instances: options.instances, sustainedPerSecond: Math.round(sustained), p50: percentile(latencies, 50), p99: percentile(latencies, 99) })}\n`);
}

async function main(): Promise<void> {
  const options = loadOrdersBenchOptions();
  const runId = randomBytes(3).toString('hex');
  const schema = `bench_orders_${runId}`;
  const prefix = `bench.orders.${runId}.`;
  const env = { DATABASE_URL: options.databaseUrl, DATABASE_SCHEMA: schema, KAFKA_BROKERS: options.kafkaBrokers.join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_GROUP_ID: `${prefix}order-service`, KAFKA_TOPIC_PARTITIONS: String(options.partitions), JWT_SECRET: randomBytes(24).toString('hex'), LOG_LEVEL: process.env['BENCH_SERVICE_LOG_LEVEL'] ?? 'warn', OTEL_SDK_DISABLED: 'true', DISPATCH_ENABLED: 'false' };
  const services = await spawnInstances(options.instances, env, runId);
  const bus = new KafkaMessageBus({ brokers: options.kafkaBrokers, clientId: 'orders-bench', inbox: new InMemoryInboxStore() });
  const tracker = new OrderFlowTracker(prefix, bus.producer);
  try {
    tracker.start();
    await bus.subscribe<DecodedRecord>({ groupId: `${prefix}bench-readers`, topics: [`${prefix}${Topics.orderEvents}`], decode: (bytes) => decode(bytes), handler: (message) => tracker.handle(message) });
    const warm = await drive(bus.producer, tracker, prefix, runId, 0, options.warmup, 0);
    await waitFor('the warm-up orders ready', () => tracker.readyCount(warm) === warm.length, { timeoutMs: options.timeoutMs });
    process.stdout.write(`warm-up: ${warm.length} orders ready; measuring ${options.orders}\n`);
    const measuredProcesses = services.map((service, index): [string, number | undefined] => [services.length > 1 ? `order-service #${index + 1}` : 'order-service', service.child.pid]);
    const cpuBefore = sampleCpu(measuredProcesses);
    const sendStarted = Date.now();
    const measured = await drive(bus.producer, tracker, prefix, runId, options.warmup, options.warmup + options.orders, options.rate);
    const sendMs = Date.now() - sendStarted;
    await waitFor(`all ${measured.length} orders ready (see /tmp/order-service-bench-${runId}*.log)`, () => tracker.readyCount(measured) === measured.length, { timeoutMs: options.timeoutMs, intervalMs: 20 });
    report(options, tracker, measured, sendMs, cpuLine(cpuPerOrder(cpuBefore, sampleCpu(measuredProcesses), measured.length)));
  } finally {
    await tracker.stop();
    await bus.close();
    await Promise.all(services.map((service) => service.stop()));
    await cleanUp(options, schema, prefix);
  }
}

/**
 * The run's order-service processes: the first alone (it migrates the schema and creates the
 * topics), then the others, which join its consumer group and share the partitions.
 */
async function spawnInstances(count: number, env: Record<string, string>, runId: string): Promise<ServiceProcess[]> {
  const first = await spawnOrderService(env, `/tmp/order-service-bench-${runId}.log`);
  const others = await Promise.all(Array.from({ length: count - 1 }, (_, index) => spawnOrderService(env, `/tmp/order-service-bench-${runId}-${index + 2}.log`)));
  return [first, ...others];
}

async function cleanUp(options: OrdersBenchOptions, schema: string, prefix: string): Promise<void> {
  const admin = new KafkaTopicAdmin({ brokers: options.kafkaBrokers, clientId: 'orders-bench-admin' });
  await admin.deleteTopics(TOPICS.map((topic) => `${prefix}${topic}`)).finally(() => admin.close());
  if (process.env['BENCH_KEEP_SCHEMA']) return void process.stdout.write(`kept schema ${schema} (BENCH_KEEP_SCHEMA)\n`);
  const pool = new Pool({ connectionString: options.databaseUrl, max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => pool.end());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
