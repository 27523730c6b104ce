/**
 * channel-gateway load benchmark: signed payment notifications at a fixed rate against the
 * running gateway (its own process, real Kafka broker, real PostgreSQL), then a fresh consumer
 * group counts the 200-answered notifications on oms.ingress.payments.v1.
 *
 *   npm run bench:gateway
 *   npm run bench:gateway -- --rate=2000 --duration=10 --warmup=3 --connections=1024 --gateways=1 --alipay-share=0.2 --json=out.json
 *
 * PostgreSQL: DATABASE_URL or the local server (a schema of its own, dropped at the end);
 * Kafka: KAFKA_BROKERS or the broker `scripts/kafka.sh start` runs.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { freePort } from '@oms/testing';
import { writeFile } from 'node:fs/promises';
import { Pool } from 'pg';
import { Topics } from '@oms/contracts';
import { DEFAULT_DATABASE_URL, DEFAULT_KAFKA_BROKERS } from '@oms/config';
import { loadGatewayBenchOptions } from './bench-options';
import { createBenchMerchant, gatewayEnv } from './bench-merchant';
import { startGatewayProcess, type GatewayProcess } from './gateway-process';
import { GatewayTargets, runFixedRate } from './load-generator';
import { presignNotifications } from './presign';
import { summarize, formatSummary } from './bench-summary';
import { gatewaySideFigures } from './gateway-metrics';
import { countNotifications, endOffsets } from './topic-count';

const cpuSecondsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};
const log = (line: string) => process.stderr.write(`[bench:gateway] ${line}\n`);

async function main(): Promise<void> {
  const options = loadGatewayBenchOptions();
  const databaseUrl = process.env['DATABASE_URL'] || DEFAULT_DATABASE_URL;
  const brokers = process.env['KAFKA_BROKERS'] ? process.env['KAFKA_BROKERS'].split(',') : DEFAULT_KAFKA_BROKERS;
  const schema = `bench_gateway_${randomBytes(4).toString('hex')}`;
  const admin = new Pool({ connectionString: databaseUrl, max: 1 });
  log('generating provider keys');
  const merchant = createBenchMerchant();
  const warmupCount = Math.round(options.rate * options.warmupSeconds);
  const measuredCount = Math.round(options.rate * options.durationSeconds);
  log(`signing ${warmupCount + measuredCount} notifications in worker threads`);
  const signed = await presignNotifications(merchant, warmupCount + measuredCount, options.alipayShare);
  const gateways: GatewayProcess[] = [];
  for (let replica = 0; replica < options.gateways; replica += 1) {
    gateways.push(await startGatewayProcess(gatewayEnv(merchant, { port: await freePort(), databaseUrl, schema, brokers: brokers.join(',') }), log));
  }
  const urls = gateways.map((gateway) => gateway.url);
  const targets = new GatewayTargets(urls, options.connections);
  const requests = targets.encode(signed);
  try {
    const from = await endOffsets(brokers, Topics.ingressPayments);
    log(`warm-up: ${warmupCount} notifications at ${options.rate}/s`);
    const warmup = await runFixedRate(targets, requests.slice(0, warmupCount), options.rate);
    log(`measured: ${measuredCount} notifications at ${options.rate}/s`);
    const before = await gatewaySideFigures(urls);
    const loadAtStart = loadavg()[0];
    const generatorCpu = process.cpuUsage();
    const measured = await runFixedRate(targets, requests.slice(warmupCount), options.rate);
    const generatorCpuSeconds = cpuSecondsSince(generatorCpu);
    const after = await gatewaySideFigures(urls);
    const loadAverage = { start: Math.round(loadAtStart * 100) / 100, end: Math.round(loadavg()[0] * 100) / 100 };
    const answered = new Set([...warmup, ...measured].filter((outcome) => outcome.status === 200).map((outcome) => outcome.outTradeNo));
    log(`counting the ${answered.size} answered notifications on ${Topics.ingressPayments}`);
    const onTopic = await countNotifications(brokers, Topics.ingressPayments, from, answered);
    const summary = summarize(options, warmup, measured, { answered200: answered.size, foundOnTopic: onTopic.records, duplicatesOnTopic: onTopic.duplicates }, before, after, generatorCpuSeconds, loadAverage);
    process.stdout.write(`${formatSummary(summary)}\n${JSON.stringify(summary)}\n`);
    if (options.jsonOut) await writeFile(options.jsonOut, JSON.stringify(summary, null, 2));
    if (summary.topic.answeredButMissing !== 0) process.exitCode = 1;
  } finally {
    targets.close();
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
