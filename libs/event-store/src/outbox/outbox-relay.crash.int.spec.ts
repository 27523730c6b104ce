import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { runMigrations } from '@oms/postgres';
import { createTestSchema, testKafkaBrokers, uniqueName, waitFor, type TestSchema } from '@oms/testing';
import { EventStore, eventStoreMigrations, OutboxHeaders } from '../index';
import { newEvents } from '../testing/new-events';

const STREAMS = 200;
const EVENTS_PER_STREAM = 50; // 10,000 events
const repoRoot = join(__dirname, '../../../..');

/** Starts the relay process; resolves once it printed `published >= after` (or at once). */
function startRelay(db: TestSchema, topic: string): { child: ChildProcess; published: () => number } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '../testing/relay.process.ts')], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: db.url, KAFKA_BROKERS: testKafkaBrokers().join(','), RELAY_TOPIC: topic, RELAY_BATCH_SIZE: '250' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let published = 0;
  child.stdout!.on('data', (chunk: Buffer) => {
    for (const match of chunk.toString().matchAll(/published (\d+)/g)) published = Number(match[1]);
  });
  return { child, published: () => published };
}

describe('OutboxRelay crash (real PostgreSQL, real Kafka, SIGKILL)', () => {
  let db: TestSchema;
  let consumer: Consumer;
  const topic = uniqueName('outbox-crash');
  const seen: { streamId: string; version: number; eventId: string }[] = [];

  beforeAll(async () => {
    db = await createTestSchema('outbox_crash');
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
    // The consumer's side effect: one row per event, written with an inbox check in one transaction.
    await db.pool.query('CREATE TABLE effects (event_id uuid PRIMARY KEY, stream_id text NOT NULL, version int NOT NULL)');
    const kafka = new Kafka({ clientId: 'crash-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true });
    await admin.disconnect();
    consumer = kafka.consumer({ groupId: uniqueName('outbox-crash-group') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const eventId = message.headers!['message-id']!.toString();
        const streamId = message.key!.toString();
        const version = Number(message.headers![OutboxHeaders.streamVersion]!.toString());
        seen.push({ streamId, version, eventId });
        await db.pool.query('INSERT INTO effects VALUES ($1, $2, $3) ON CONFLICT (event_id) DO NOTHING', [eventId, streamId, version]);
      },
    });
  }, 60_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await db?.drop();
  });

  it('delivers every event after a SIGKILL mid-publish, in stream order, with effects exactly once', async () => {
    const store = new EventStore(db.pool);
    const appendHalf = async (offset: number) => {
      for (let first = 0; first < STREAMS; first += 10) {
        const appends = Array.from({ length: 10 }, (_, index) => ({
          streamId: `order-${first + index}`,
          expectedVersion: offset,
          events: newEvents(EVENTS_PER_STREAM / 2, `order-${first + index}`),
        }));
        await store.appendMany(appends);
      }
    };
    await appendHalf(0);

    const firstRun = startRelay(db, topic);
    const stillAppending = appendHalf(EVENTS_PER_STREAM / 2); // the second half arrives while publishing
    await waitFor('the first relay to publish 2,000 events', () => firstRun.published() >= 2000, { timeoutMs: 60_000, intervalMs: 5 });
    firstRun.child.kill('SIGKILL');
    const publishedBeforeKill = firstRun.published();
    await stillAppending;
    expect(publishedBeforeKill).toBeLessThan(STREAMS * EVENTS_PER_STREAM);

    const secondRun = startRelay(db, topic);
    try {
      await waitFor('every event to have its effect', async () => {
        const { rows } = await db.pool.query<{ count: string }>('SELECT count(*) FROM effects');
        return Number(rows[0]!.count) === STREAMS * EVENTS_PER_STREAM;
      }, { timeoutMs: 90_000, intervalMs: 200 });
    } finally {
      secondRun.child.kill('SIGTERM');
    }

    // Per stream, the first delivery of each version comes in version order; re-sends after the
    // crash are duplicates of events already seen.
    const firstSeen = new Map<string, number>();
    const ids = new Set<string>();
    for (const { streamId, version, eventId } of seen) {
      if (ids.has(eventId)) continue;
      ids.add(eventId);
      expect(version).toBe((firstSeen.get(streamId) ?? 0) + 1);
      firstSeen.set(streamId, version);
    }
    expect(ids.size).toBe(STREAMS * EVENTS_PER_STREAM);
    const stored = await db.pool.query<{ count: string }>('SELECT count(*) FROM events');
    expect(Number(stored.rows[0]!.count)).toBe(STREAMS * EVENTS_PER_STREAM);
  }, 180_000);
});
