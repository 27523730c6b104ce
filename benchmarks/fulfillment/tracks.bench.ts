// Replays carrier tracks through a running fulfillment-service (Kafka, PostgreSQL, the logistics
// simulator answering its authoritative-status queries) and prints the status sync delay: from a
// track's scheduled offer time (when a feed of `--rate` a second offers it) to the
// ShipmentStatusChanged it causes being read back.
//   node -r @swc-node/register benchmarks/fulfillment/tracks.bench.ts --rate=1000 --seconds=5 --shipments=200 --partitions=2 --send-every-ms=20
import { setTimeout as sleep } from 'node:timers/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Topics, type OutgoingMessage } from '@oms/contracts';
import { InMemoryInboxStore, KafkaMessageBus, KafkaTopicAdmin, PrefixedTopicsBus } from '@oms/messaging';
import { testDatabaseUrl, testKafkaBrokers, waitFor } from '@oms/testing';
import { spawnHttpService } from '../pipeline/child-service';
import { ReplayCpu } from './replay-cpu';
import { StatusChangeReader } from './status-change.reader';
import { seedMessages, trackMessage } from './track-records';

function flag(name: string, fallback: number): number {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
  return value;
}

function percentile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function spread(values: number[]): { p50: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

async function main(): Promise<void> {
  const rate = flag('rate', 1000);
  const seconds = flag('seconds', 5);
  const shipments = flag('shipments', 200);
  // Two, not eight: each partition's chunk costs its own statements, route queries, offset commit
  // and wake-ups, and one fetch waits for every partition's chunk; on two cores 1,000 tracks/s
  // need no more than two chunks in flight (README: measured with 2 and 8).
  const partitions = flag('partitions', 2);
  const sendEveryMs = flag('send-every-ms', 20);
  const runId = `${Date.now()}`;
  const prefix = `bench-fs-${runId}.`;
  const schema = `bench_fulfillment_${runId}`;
  const brokers = testKafkaBrokers();
  const simulator = await spawnHttpService('apps/simulators/src/carriers/logistics.main.ts', 'LOGISTICS_SIMULATOR_PORT', {}, join(tmpdir(), `bench-logistics-${runId}.log`), '/simulator/carriers/waybills');
  const service = await spawnHttpService('apps/fulfillment-service/src/main.ts', 'HTTP_PORT', {
    DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_GROUP_ID: `${prefix}fulfillment-service`,
    WAREHOUSE_API_URL: simulator.url, E_WAYBILL_API_URL: simulator.url, SF_API_URL: simulator.url, ZTO_API_URL: simulator.url, JD_API_URL: simulator.url, KUAIDI100_API_URL: simulator.url,
    TRACK_POLL_INTERVAL_MS: '0', LOG_LEVEL: 'warn',
    // Tracks are keyed by waybill: each partition is a chunk in flight (a transaction of its own).
    KAFKA_TOPIC_PARTITIONS: String(partitions), KAFKA_PARTITIONS_CONCURRENTLY: String(partitions), DATABASE_POOL_SIZE: String(2 * partitions + 8),
  }, join(tmpdir(), `bench-fulfillment-${runId}.log`), '/health');
  const bus = new PrefixedTopicsBus(new KafkaMessageBus({ brokers, clientId: 'tracks-bench', inbox: new InMemoryInboxStore() }), prefix);
  const offeredAt = new Map<string, number>();
  const delays: number[] = [];
  // The delay split where the service decided: track offered → status change recorded (the service's
  // recordedAt, same machine clock) → read back (commit, outbox relay, broker, this consumer).
  const untilRecorded: number[] = [];
  const recordedToRead: number[] = [];
  let lastSeenAt = 0;
  let reader: StatusChangeReader | undefined;
  try {
    reader = await StatusChangeReader.open(brokers, `${prefix}bench`, `${prefix}${Topics.fulfillmentEvents}`, (value) => {
      if (value.recordName !== 'ShipmentStatusChanged') return;
      const offered = offeredAt.get(`${value.value.trackingNumber}:${value.value.occurredAt}`);
      if (offered === undefined) return;
      lastSeenAt = Date.now();
      delays.push(lastSeenAt - offered);
      untilRecorded.push(value.value.recordedAt - offered);
      recordedToRead.push(lastSeenAt - value.value.recordedAt);
    });

    // Seed: one waybill per benchmark order, through the service's own path (phone check, SF waybill).
    const orderIds = Array.from({ length: shipments }, (_, n) => `bench-${runId}-${n}`);
    await bus.producer.send(orderIds.flatMap((orderId) => seedMessages('', orderId)));
    const waybills = await waitFor('every benchmark waybill', async () => {
      const all = (await (await fetch(`${simulator.url}/simulator/carriers/waybills`)).json()) as Array<{ trackingNumber: string }>;
      return all.length === shipments && all.map((waybill) => waybill.trackingNumber);
    }, { timeoutMs: 120_000 });
    await waitFor('every shipment stored', async () => (await Promise.all(waybills.map((tn) => fetch(`${service.url}/shipments/${tn}`).then((r) => r.ok)))).every(Boolean), { timeoutMs: 60_000 });

    // Replay: `rate` tracks a second for `seconds`, round-robin over the waybills. Each send takes
    // every track due by now, so a slow send (a loaded machine) does not lower the offered rate.
    // Tracks go out every `--send-every-ms` (a feed batching like a producer's linger: fewer
    // produce requests for this driver and the broker, so less of the two cores taken from the
    // service), each track once its time has come. Its delay runs from its scheduled time, so the
    // wait in this driver, and a driver falling behind its schedule (starved of CPU), count
    // against the service, never for it.
    const total = rate * seconds;
    const t0 = Date.now() + 60_000;
    const database = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    const cpu = await ReplayCpu.start({ service: service.child.pid, simulator: simulator.child.pid, pool: database, applicationName: 'fulfillment-service' });
    const started = Date.now();
    for (let sent = 0; sent < total; ) {
      const due = Math.min(total, Math.floor(((Date.now() - started) * rate) / 1000) + 1);
      const batch: OutgoingMessage[] = [];
      for (; sent < due; sent++) {
        const trackingNumber = waybills[sent % shipments];
        const seq = Math.floor(sent / shipments);
        const occurredAt = t0 + seq * 1_000;
        batch.push(trackMessage('', trackingNumber, seq, occurredAt));
        offeredAt.set(`${trackingNumber}:${occurredAt}`, started + (sent * 1000) / rate);
      }
      if (batch.length > 0) await bus.producer.send(batch);
      if (sent < total) await sleep(Math.max(0, sendEveryMs - ((Date.now() - started) % sendEveryMs)));
    }
    const offeredSeconds = (Date.now() - started) / 1000;
    await waitFor('every status change read back', () => delays.length >= total, { timeoutMs: 120_000 }).catch(() => undefined);
    const spent = await cpu.perTrack(total, Date.now() - started).finally(() => database.end());
    const sorted = [...delays].sort((a, b) => a - b);
    const stored = await storedCounts(schema);
    const report = {
      tracks: total,
      offeredPerSecond: Math.round(total / offeredSeconds),
      processedPerSecond: Math.round(delays.length / ((lastSeenAt - started) / 1000)),
      statusChangesRead: delays.length,
      // What the service's database holds: every track written once, every status change recorded for the relay.
      stored,
      // CPU time each part spent during the replay, per track (what the machine's load cannot inflate
      // much; postgres = the service's backends, kafka = the broker), and the machine's busy cores
      // (2 = both saturated, whoever used them).
      cpuMsPerTrack: spent.cpuMsPerTrack,
      machineBusyCores: spent.machineBusyCores,
      loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
      syncDelayMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: percentile(sorted, 1) },
      offeredToRecordedMs: spread(untilRecorded),
      recordedToReadMs: spread(recordedToRead),
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await reader?.close();
    await bus.close();
    await service.stop();
    await simulator.stop();
    const admin = new KafkaTopicAdmin({ brokers, clientId: 'tracks-bench-admin' });
    await admin.deleteTopics([Topics.orderEvents, Topics.ingressCarrierTracks, Topics.fulfillmentEvents].map((topic) => `${prefix}${topic}`)).catch(() => undefined).finally(() => admin.close());
    const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => pool.end());
  }
}

/** Tracks written, status changes recorded in the service's event store, and carrier calls logged. */
async function storedCounts(schema: string): Promise<Record<string, number>> {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
  try {
    const { rows } = await pool.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM ${schema}.track_events)::int AS "trackEvents",
              (SELECT count(*) FROM ${schema}.events WHERE event_type = 'ShipmentStatusChanged')::int AS "statusChangesRecorded",
              (SELECT count(*) FROM ${schema}.external_calls WHERE operation = 'query-route')::int AS "routeQueries"`,
    );
    return rows[0] ?? {};
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
