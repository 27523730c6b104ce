/**
 * Promotion-day replay: generated customers (1–3 related orders each within 10 minutes, merged
 * carts across warehouses, SLAs and bonded SKUs) driven through a running order-service with the
 * dispatch flow — channel order, notification and query answer in; invoice, reservation and a
 * passing sandbox dry run answered as the tests do; the plans read back from oms.dispatch.v1 as
 * WMS/TMS would. Prints the share of lines routed to their SKU's warehouse (target 100 %), the
 * decisions/s the service made, and ready → issued latency (the service's event times; the
 * decision window is part of it).
 *
 *   node -r @swc-node/register benchmarks/dispatch/promotion-day.bench.ts --customers=400 --window=2
 *
 * The service is spawned for the run (own schema and topic prefix, dropped at the end), its SKU
 * catalog imported at start from a generated CSV (DISPATCH_CATALOG_FILE). Only order-service runs:
 * the sandbox answer is made here, always passing, so fulfillment-service and the simulated
 * warehouse and carriers take no part and no proposal is ever rejected — the figures are the
 * decision path's, not the dry runs'.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import { decode, Topics, type DecodedRecord } from '@oms/contracts';
import { InMemoryInboxStore, KafkaMessageBus, KafkaTopicAdmin } from '@oms/messaging';
import { testDatabaseUrl, testKafkaBrokers, waitFor } from '@oms/testing';
import { spawnOrderService } from '../orders/service-process';
import { percentile } from '../store/stats';
import { generateEntries } from './bench-catalog';
import { customerOrders, type PromotionOrder } from './promotion-orders';
import { PromotionFlowTracker } from './promotion-flow.tracker';
import { seededRandom } from './seeded-random';

const TOPICS = [Topics.ingressOrders, Topics.ingressPayments, Topics.ingressInvoices, Topics.fulfillmentEvents, Topics.orderEvents, Topics.ingressWmsScans, Topics.dispatch];

function flag(name: string, fallback: number): number {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
  return value;
}

function catalogCsv(entries: ReturnType<typeof generateEntries>): string {
  const rows = entries.map((entry) => [entry.sku, entry.warehouseId, entry.slaHours, entry.minPackageWeight, entry.customsClearanceRequired].join(','));
  return ['sku,warehouse_id,sla_hours,min_package_weight,customs_clearance_required', ...rows].join('\n');
}

function report(orders: PromotionOrder[], tracker: PromotionFlowTracker, windowSeconds: number): void {
  const lines = orders.flatMap((order) => order.lines.map((line) => `${order.orderId}/${line.lineId}`));
  const right = lines.filter((key) => tracker.publishedLines.get(key) === true).length;
  const latencies = orders.map((order) => tracker.issuedAt.get(order.orderId)! - tracker.readyAt.get(order.orderId)!);
  const toProposal = orders.map((order) => tracker.proposedAt.get(order.orderId)! - tracker.readyAt.get(order.orderId)!);
  const toIssue = orders.map((order) => tracker.issuedAt.get(order.orderId)! - tracker.proposedAt.get(order.orderId)!);
  const firstReady = Math.min(...tracker.readyAt.values());
  const lastIssued = Math.max(...tracker.issuedAt.values());
  const spanSeconds = (lastIssued - firstReady) / 1000;
  const out = [
    `customers / orders / lines   ${new Set(orders.map((order) => order.customerId)).size} / ${orders.length} / ${lines.length}`,
    `plans issued                 ${tracker.plans.size} (${(orders.length / tracker.plans.size).toFixed(2)} orders per plan: related orders grouped)`,
    `lines routed right           ${right} / ${lines.length} = ${((100 * right) / lines.length).toFixed(2)} % (warehouse, SLA and customs status of the SKU's vector, as published on oms.dispatch.v1)`,
    `decisions                    ${(tracker.plans.size / spanSeconds).toFixed(1)} plans/s, ${(orders.length / spanSeconds).toFixed(1)} orders/s planned (first ready → last issued ${spanSeconds.toFixed(1)} s)`,
    `ready → issued               p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${percentile(latencies, 100)} ms (decision window ${windowSeconds} s included)`,
    `  ready → proposed           p50 ${percentile(toProposal, 50)} ms, p99 ${percentile(toProposal, 99)} ms (window + the decision worker)`,
    `  proposed → issued          p50 ${percentile(toIssue, 50)} ms, p99 ${percentile(toIssue, 99)} ms (outbox → sandbox answer → consumer → issue)`,
    `anomalies                    ${[...tracker.orders.anomalies].map(([type, count]) => `${type} ${count}`).join(', ') || 'none'}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(): Promise<void> {
  const customers = flag('customers', 400);
  const windowSeconds = flag('window', 2);
  const runId = randomBytes(3).toString('hex');
  const schema = `bench_promo_${runId}`;
  const prefix = `bench.promo.${runId}.`;
  const random = seededRandom(618);
  const entries = generateEntries(random, flag('skus', 5000));
  const catalogFile = `/tmp/promotion-catalog-${runId}.csv`;
  writeFileSync(catalogFile, catalogCsv(entries));
  const startedAt = Date.now();
  const orders = Array.from({ length: customers }, (_, customer) => customerOrders(random, prefix, runId, customer, entries.map((entry) => entry.sku), 5, startedAt)).flat();
  const service = await spawnOrderService({
    DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema, KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_GROUP_ID: `${prefix}order-service`,
    JWT_SECRET: randomBytes(24).toString('hex'), LOG_LEVEL: 'warn', OTEL_SDK_DISABLED: 'true',
    DISPATCH_DECISION_WINDOW: `PT${windowSeconds}S`, DISPATCH_CATALOG_FILE: catalogFile, DISPATCH_PLAN_ID_SEED: `promo-${runId}`,
  }, `/tmp/order-service-promo-${runId}.log`);
  const bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'promotion-bench', inbox: new InMemoryInboxStore() });
  const tracker = new PromotionFlowTracker(prefix, bus.producer, new Map(entries.map((entry) => [entry.sku, entry])));
  try {
    tracker.start();
    for (const order of orders) tracker.orders.sentAt.set(order.orderId, Date.now());
    await bus.subscribe<DecodedRecord>({ groupId: `${prefix}bench-erp`, topics: [`${prefix}${Topics.orderEvents}`], decode: (bytes) => decode(bytes), handler: (message) => tracker.onOrderEvent(message) });
    await bus.subscribe<DecodedRecord>({ groupId: `${prefix}bench-wms`, topics: [`${prefix}${Topics.dispatch}`], decode: (bytes) => decode(bytes), handler: async (message) => tracker.onInstruction(message) });
    for (let start = 0; start < orders.length; start += 200) await bus.producer.send(orders.slice(start, start + 200).flatMap((order) => order.messages));
    process.stdout.write(`published ${orders.length} orders of ${customers} customers; waiting for their plans\n`);
    await waitFor(`every order's plan issued (log: /tmp/order-service-promo-${runId}.log)`, () => orders.every((order) => tracker.issuedAt.has(order.orderId)), { timeoutMs: 120_000 + orders.length * 50, intervalMs: 100 });
    const lineCount = orders.reduce((sum, order) => sum + order.lines.length, 0);
    await waitFor('every line on oms.dispatch.v1', () => tracker.publishedLines.size >= lineCount, { timeoutMs: 30_000 });
    report(orders, tracker, windowSeconds);
  } finally {
    await tracker.stop();
    await bus.close();
    await service.stop();
    await cleanUp(schema, prefix);
  }
}

async function cleanUp(schema: string, prefix: string): Promise<void> {
  const admin = new KafkaTopicAdmin({ brokers: testKafkaBrokers(), clientId: 'promotion-bench-admin' });
  await admin.deleteTopics(TOPICS.map((topic) => `${prefix}${topic}`)).finally(() => admin.close());
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => pool.end());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
