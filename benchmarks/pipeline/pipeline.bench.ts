/**
 * Pipeline benchmark (`npm run bench`): the whole backbone as separate processes on the real
 * broker and PostgreSQL — simulators, channel-gateway, order-service, fulfillment-service, the ERP simulator — driven
 * over HTTP as a promotion would: each order is a signed mini-program webhook sent by the channel
 * simulator, then paid at the simulated WeChat Pay, whose signed notification the gateway verifies
 * and confirms; fulfillment-service reserves at the simulated warehouse and sandbox-validates the
 * plan. Prints sustained orders/s from the first request to the furthest stage every order
 * reaches (`DispatchPlanned`: an issued dispatch plan), p50/p99 latency per stage, events/s into the event store,
 * peak memory per service, and — in the same run, after the pipeline — the raw kafkajs
 * produce/consume rate and the raw PostgreSQL insert rate, with the pipeline's share of each.
 *
 *   node -r @swc-node/register benchmarks/pipeline/pipeline.bench.ts [--orders=2000] [--concurrency=128] [--json=out.json]
 *
 * The defaults offer more than the pipeline sustains on 2 cores (the machine ends ~97 % busy), so
 * the figure is its throughput, not the pace of too few buyers; CPU ms/order per process says where it goes.
 *
 * Own schemas and topic prefix per run; schemas dropped at the end. Needs the broker (npm run kafka:start).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpExchange, type HttpExchangeResponse } from '@oms/http-client';
import { Client } from 'pg';
import { percentile } from '../store/stats';
import { startPipelineStack, type PipelineStack } from './pipeline-stack';
import { PipelineTracker, STAGES, type Stage } from './pipeline-tracker';
import { measureRawBaselines } from './raw-baselines';
import { cpuPerOrder, sampleCpu } from '../orders/cpu-usage';

const argument = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ORDERS = Number(argument('orders', '2000'));
const CONCURRENCY = Number(argument('concurrency', '128'));
const JSON_FILE = argument('json', '');
const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const runId = `${Date.now().toString(36)}`;

// The driver's calls went through `fetch` with no signal, bounded only by undici's default 300 s
// headers and body timeouts; httpExchange keeps that bound at a fraction of fetch's CPU per call,
// which the driver's own CPU ms/order line reports.
const CALL_TIMEOUT_MS = 300_000;

function post(url: string, body: unknown): Promise<HttpExchangeResponse> {
  return httpExchange({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), timeoutMs: CALL_TIMEOUT_MS });
}

/** Channel order ids of the measured burst start with this; the warm-up's with `BW`. */
const MEASURED = `BP${runId}`;
const WARMUP_ORDERS = 10;

/** One mini-program order (two lines, one warehouse) as the channel simulator takes it. */
function orderOf(prefix: string, index: number) {
  const serial = String(index).padStart(6, '0');
  return {
    channelOrderId: `${prefix}${serial}`,
    outTradeNo: `${prefix}T${serial}`,
    lines: [{ sku: 'TEA-LJ-250G', title: '明前西湖龙井 250g 罐装', quantity: 1, unitPrice: 12_800, discount: 0 }, { sku: 'CUP-GLASS-01', title: '双层玻璃茶杯 300ml', quantity: 2, unitPrice: 3_900, discount: 0 }],
    shippingFee: 0,
    buyer: { id: `oBench${serial}`, nickname: `买家${serial}`, name: '王小明', phone: `139${serial.padStart(8, '0')}` },
    address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: `文一西路 ${index % 900} 号` },
    createdAtMs: Date.now(),
  };
}

/** Sends `count` orders (webhook, then payment) with `CONCURRENCY` buyers at a time. */
async function drive(stack: PipelineStack, tracker: PipelineTracker, prefix: string, count: number): Promise<number> {
  let next = 0;
  let refused = 0;
  const buyer = async () => {
    while (next < count) {
      const order = orderOf(prefix, next++);
      tracker.sentAt.set(order.channelOrderId, Date.now());
      const answer = await post(`${stack.simulatorsUrl}/simulator/channels/miniprogram/orders`, { gatewayUrl: stack.gatewayUrl, order });
      const { status } = JSON.parse(answer.body) as { status: number };
      if (status !== 202) refused++;
      await post(`${stack.simulatorsUrl}/simulator/payments`, { provider: 'WECHAT_PAY', outTradeNo: order.outTradeNo, amount: 12_800 + 2 * 3_900, notifyUrl: `${stack.gatewayUrl}/payments/wechatpay/notify` });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, buyer));
  return refused;
}

/** Waits until `count` orders of `prefix` reached every stage of `stages`, or nothing moved for 30 s. */
async function settle(tracker: PipelineTracker, stages: readonly Stage[], prefix: string, count: number): Promise<void> {
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const progress = stages.reduce((sum, stage) => sum + tracker.count(stage, prefix), 0);
    if (stages.every((stage) => tracker.count(stage, prefix) >= count)) return;
    if (progress !== last) [last, lastChange] = [progress, Date.now()];
    if (Date.now() - lastChange > 30_000) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function eventsInStore(schema: string): Promise<number> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.events`)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function dropSchemas(schemas: string[]): Promise<void> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
  await client.end();
}

/** CPU so far of every service of the stack, the broker, PostgreSQL and this driver. */
const sampleStack = (stack: PipelineStack) => sampleCpu(stack.services.map((service) => [service.name, service.child.pid]));

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const logDir = join(tmpdir(), `bench-pipeline-${runId}`);
  mkdirSync(logDir, { recursive: true });
  console.log(`pipeline bench: ${ORDERS} orders, ${CONCURRENCY} concurrent buyers, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} (logs: ${logDir})`);
  const stack = await startPipelineStack(runId, DATABASE_URL, BROKERS.join(','), logDir);
  const tracker = new PipelineTracker();
  try {
    await tracker.start(BROKERS, stack.topicPrefix, `bench-pipeline-tracker-${runId}`);
    // Warm-up: consumer groups formed, connections open, code paths compiled — then measure.
    await drive(stack, tracker, `BW${runId}`, WARMUP_ORDERS);
    await settle(tracker, ['DispatchPlanned'], `BW${runId}`, WARMUP_ORDERS);
    const eventsBefore = await eventsInStore(stack.orderServiceSchema);
    const cpuBefore = sampleStack(stack);
    const started = Date.now();
    const refused = await drive(stack, tracker, MEASURED, ORDERS);
    const sentMs = Date.now() - started;
    await settle(tracker, ['DispatchPlanned'], MEASURED, ORDERS);
    const furthest = [...STAGES].reverse().find((stage) => tracker.count(stage, MEASURED) >= ORDERS) ?? 'OrderPlaced';
    const windowMs = tracker.lastAt(furthest, MEASURED) - started;
    const cpu = cpuPerOrder(cpuBefore, sampleStack(stack), ORDERS);
    const events = (await eventsInStore(stack.orderServiceSchema)) - eventsBefore;
    const memory = stack.services.map((service) => ({ service: service.name, peakMiB: service.peakMemoryMiB() }));
    await tracker.stop();
    await stack.stop();
    const raw = await measureRawBaselines(BROKERS, DATABASE_URL, runId);
    const ordersPerSecond = (tracker.count(furthest, MEASURED) * 1000) / windowMs;
    const eventsPerSecond = (events * 1000) / windowMs;
    const stages = STAGES.map((stage) => {
      const samples = tracker.latencies(stage, MEASURED);
      return { stage, reached: tracker.count(stage, MEASURED), p50Ms: samples.length ? percentile(samples, 50) : null, p99Ms: samples.length ? percentile(samples, 99) : null };
    });
    const result = { orders: ORDERS, concurrency: CONCURRENCY, refusedWebhooks: refused, sentMs, furthestStage: furthest, ordersPerSecond, eventsInStore: events, eventsPerSecond, stages, memory, cpuMsPerOrder: cpu, raw, ratios: { eventsVsKafkaProduce: eventsPerSecond / raw.kafkaProducePerSecond, eventsVsPgBatchedRows: eventsPerSecond / raw.pgBatchedRowsPerSecond, eventsVsPgSingleCommits: eventsPerSecond / raw.pgSingleInsertPerSecond }, loadAverage: loadavg() };
    console.log(`\nsent ${ORDERS} orders (webhook + payment each) in ${fmt(sentMs / 1000, 1)} s = offered ${fmt((ORDERS * 1000) / sentMs, 1)} orders/s; ${refused} webhooks refused`);
    console.log(`furthest stage every order reached: ${furthest}`);
    console.log(`sustained: ${fmt(ordersPerSecond, 1)} orders/s from first request to ${furthest}   (target ≥ 1,000 to an issued dispatch plan)`);
    console.log(`event store: ${fmt(events)} events, ${fmt(eventsPerSecond)} events/s`);
    console.log('\nstage                   reached   p50 ms    p99 ms');
    for (const row of stages) console.log(`${row.stage.padEnd(22)} ${String(row.reached).padStart(8)} ${row.p50Ms === null ? '        —' : fmt(row.p50Ms).padStart(9)} ${row.p99Ms === null ? '        —' : fmt(row.p99Ms).padStart(9)}`);
    console.log(`\nCPU ms/order: ${cpu.parts.map(([name, ms]) => `${name} ${ms === null ? 'n/a' : fmt(ms, 1)}`).join(', ')}; machine ${cpu.machineBusyPercent === null ? 'n/a' : `${fmt(cpu.machineBusyPercent)} % busy`} (2 cores = 2,000 ms CPU/s)`);
    console.log('peak memory (VmHWM): ' + memory.map((entry) => `${entry.service} ${entry.peakMiB === null ? 'n/a' : `${fmt(entry.peakMiB)} MiB`}`).join(', '));
    console.log(`\nraw kafkajs (600 B records, acks all): produce ${fmt(raw.kafkaProducePerSecond)}/s, consume ${fmt(raw.kafkaConsumePerSecond)}/s`);
    console.log(`raw pg: one-row INSERT per transaction ${fmt(raw.pgSingleInsertPerSecond)}/s, 100-row INSERTs ${fmt(raw.pgBatchedRowsPerSecond)} rows/s`);
    console.log(`pipeline share: events/s = ${fmt(result.ratios.eventsVsKafkaProduce * 100, 1)} % of raw produce, ${fmt(result.ratios.eventsVsPgBatchedRows * 100, 1)} % of raw batched rows, ${fmt(result.ratios.eventsVsPgSingleCommits * 100, 1)} % of raw single commits`);
    console.log(`load average after: ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
    if (JSON_FILE) writeFileSync(JSON_FILE, JSON.stringify(result, null, 2));
  } finally {
    await tracker.stop().catch(() => undefined);
    await stack.stop().catch(() => undefined);
    if (process.env['BENCH_KEEP_SCHEMA']) console.log(`kept schemas ${stack.orderServiceSchema}, ${stack.gatewaySchema}, ${stack.fulfillmentSchema} (BENCH_KEEP_SCHEMA)`);
    else await dropSchemas([stack.orderServiceSchema, stack.gatewaySchema, stack.fulfillmentSchema]);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
