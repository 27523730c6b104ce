import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { PoolClient } from 'pg';
import { KafkaMessageBus, messagingMigrations, PostgresInboxStore, type Subscription } from '@oms/messaging';
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
  let bus: KafkaMessageBus<PoolClient>;
  let subscription: Subscription;
  const topic = uniqueName('outbox-crash');

  beforeAll(async () => {
    db = await createTestSchema('outbox_crash');
    await runMigrations(db.pool, db.schema, [...eventStoreMigrations, ...messagingMigrations]);
    // The consumer's side effect: one row per delivery it applies, in the inbox's transaction.
    // No uniqueness here: a second effect for one event would show up in the count.
    await db.pool.query('CREATE TABLE effects (seq bigserial PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL, version int NOT NULL)');
    bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'outbox-crash-test', inbox: new PostgresInboxStore(db.pool) });
    await bus.ensureTopics([{ topic, partitions: 4 }]);
    subscription = await bus.subscribe({
      groupId: uniqueName('outbox-crash-group'),
      topics: [topic],
      decode: (bytes) => bytes,
      handler: async (message, tx) => {
        const version = Number(message.headers[OutboxHeaders.streamVersion]);
        await tx.query('INSERT INTO effects (event_id, stream_id, version) VALUES ($1, $2, $3)', [message.messageId, message.key, version]);
      },
    });
  }, 60_000);

  afterAll(async () => {
    await subscription?.close();
    await bus?.close();
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

    // Exactly once: one effect per event, none twice. In order: per stream, effects were applied
    // in version order.
    const effects = await db.pool.query<{ event_id: string; stream_id: string; version: number }>('SELECT event_id, stream_id, version FROM effects ORDER BY seq');
    expect(new Set(effects.rows.map((row) => row.event_id)).size).toBe(effects.rows.length);
    const lastVersion = new Map<string, number>();
    for (const { stream_id: streamId, version } of effects.rows) {
      expect(version).toBe((lastVersion.get(streamId) ?? 0) + 1);
      lastVersion.set(streamId, version);
    }
    expect([...lastVersion.values()].every((version) => version === EVENTS_PER_STREAM)).toBe(true);
    const stored = await db.pool.query<{ count: string }>('SELECT count(*) FROM events');
    expect(Number(stored.rows[0]!.count)).toBe(STREAMS * EVENTS_PER_STREAM);
  }, 180_000);
});
