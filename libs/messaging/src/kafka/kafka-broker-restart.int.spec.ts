import type { PoolClient } from 'pg';
import { Headers } from '@oms/contracts';
import { runMigrations } from '@oms/postgres';
import { createTestSchema, uniqueName, waitFor, type TestSchema } from '@oms/testing';
import { RecordingLogger } from '../contract-tests/recording.logger';
import { messagingMigrations } from '../inbox/messaging.migrations';
import { PostgresInboxStore } from '../inbox/postgres-inbox.store';
import { KafkaMessageBus } from './kafka-message-bus';
import { ScratchBroker } from './test-support/scratch-broker';

describe('a broker restart while a group reads and a producer writes (own broker)', () => {
  let broker: ScratchBroker | undefined;
  let db: TestSchema;
  let bus: KafkaMessageBus<PoolClient> | undefined;
  const logger = new RecordingLogger();
  const topic = uniqueName('restart');

  beforeAll(async () => {
    db = await createTestSchema('messaging_restart');
    await runMigrations(db.pool, db.schema, [
      ...messagingMigrations,
      { component: 'restart-test', id: '001-effects', sql: 'CREATE TABLE restart_effects (message_id text NOT NULL)' },
    ]);
    broker = await ScratchBroker.start();
  }, 150_000);
  afterAll(async () => {
    await bus?.close().catch(() => undefined);
    await broker?.wipe();
    await db.drop();
  }, 150_000);

  it('resumes both by themselves; every acknowledged message is applied exactly once', async () => {
    const scratch = broker as ScratchBroker;
    const kafka = new KafkaMessageBus({
      brokers: scratch.brokers,
      clientId: 'restart-test',
      inbox: new PostgresInboxStore(db.pool),
      logger,
      // Few in-session retries, so the outage crashes the consumer and the supervisor must act.
      consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, maxWaitTimeMs: 200, retry: { retries: 2 }, restartBackoff: { initialDelayMs: 500, maxDelayMs: 2_000 } },
    });
    bus = kafka;
    await kafka.ensureTopics([{ topic, partitions: 2 }]);
    await kafka.subscribe({
      groupId: uniqueName('restart.group'),
      topics: [topic],
      decode: (bytes) => bytes.toString('utf8'),
      handler: async (message, tx) => void (await tx.query('INSERT INTO restart_effects (message_id) VALUES ($1)', [message.messageId])),
    });

    const producer = startProducing(kafka);
    await waitFor('traffic before the outage', async () => producer.acked.size >= 30 && (await effectCount()) >= 10, { timeoutMs: 30_000 });

    const outage = logger.lines.length;
    await scratch.stop();
    await waitFor('the supervisor to see the consumer stop', () => loggedSince(outage, 'consumer stopped on its own; restarting it'), { timeoutMs: 40_000 });
    await scratch.start();
    const back = logger.lines.length;
    const ackedAtRestart = producer.acked.size;
    await waitFor('acknowledged sends after the restart', () => producer.acked.size >= ackedAtRestart + 30, { timeoutMs: 60_000 });
    await producer.stop();

    await waitFor('every acknowledged message applied', async () => {
      const applied = new Set((await db.pool.query<{ message_id: string }>('SELECT message_id FROM restart_effects')).rows.map((row) => row.message_id));
      return [...producer.acked].every((id) => applied.has(id));
    }, { timeoutMs: 60_000 });
    const copies = await db.pool.query<{ total: number; distinct: number }>('SELECT count(*)::int AS total, count(DISTINCT message_id)::int AS distinct FROM restart_effects');
    expect(copies.rows[0]?.total).toBe(copies.rows[0]?.distinct);
    // The consumer came back through the supervisor, not through the test.
    expect(loggedSince(back, 'joined consumer group')).toBe(true);
    // At least one send was started while the broker was down and acknowledged once it was back.
    expect(producer.slowestAckMs).toBeGreaterThan(5_000);
  }, 180_000);

  const loggedSince = (index: number, message: string) => logger.lines.slice(index).some((line) => line.message === message);
  const effectCount = async () => (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM restart_effects')).rows[0]?.n ?? 0;

  // Sends one message at a time, like a service would, and remembers which ones were acknowledged.
  function startProducing(kafka: KafkaMessageBus<PoolClient>): { acked: Set<string>; slowestAckMs: number; stop(): Promise<void> } {
    let running = true;
    const state = {
      acked: new Set<string>(),
      slowestAckMs: 0,
      stop: async () => {
        running = false;
        await loop;
      },
    };
    const loop = (async () => {
      for (let seq = 0; running; seq++) {
        const id = `message-${seq}`;
        const startedAt = Date.now();
        await kafka.producer
          .send([{ topic, key: `order-${seq % 7}`, value: Buffer.from(id), headers: { [Headers.messageId]: id } }])
          .then(() => {
            state.acked.add(id);
            state.slowestAckMs = Math.max(state.slowestAckMs, Date.now() - startedAt);
          })
          .catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    return state;
  }
});
