import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { PoolClient } from 'pg';
import { Headers } from '@oms/contracts';
import { runMigrations } from '@oms/postgres';
import { createTestSchema, testKafkaBrokers, uniqueName, waitFor, type TestSchema } from '@oms/testing';
import type { BatchSummary } from '../bus/subscribe-options';
import { messagingMigrations } from '../inbox/messaging.migrations';
import { PostgresInboxStore } from '../inbox/postgres-inbox.store';
import { KafkaMessageBus } from './kafka-message-bus';

const repoRoot = resolve(__dirname, '../../../..');
const child = resolve(__dirname, 'test-support/crashing-consumer.child.ts');

describe('a consumer crashing between its database commit and its offset commit', () => {
  let db: TestSchema;
  let bus: KafkaMessageBus<PoolClient>;
  const topic = uniqueName('crash');
  const groupId = uniqueName('crash.group');

  beforeAll(async () => {
    db = await createTestSchema('messaging_crash');
    await runMigrations(db.pool, db.schema, [
      ...messagingMigrations,
      // No unique key: a duplicate effect would be a second row.
      { component: 'crash-test', id: '001-effects', sql: 'CREATE TABLE replay_effects (message_id text NOT NULL, value text NOT NULL)' },
    ]);
    bus = new KafkaMessageBus({
      brokers: testKafkaBrokers(),
      clientId: 'crash-replay-test',
      inbox: new PostgresInboxStore(db.pool),
      consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, maxWaitTimeMs: 200 },
    });
    await bus.ensureTopics([{ topic, partitions: 1 }]);
  });
  afterAll(async () => {
    await bus.topics.deleteTopics([topic]);
    await bus.close();
    await db.drop();
  });

  it('replays the committed records on restart without a second effect', async () => {
    const values = Array.from({ length: 100 }, (_, index) => `event-${index}`);
    await bus.producer.send(values.map((value) => ({ topic, key: 'order-1', value: Buffer.from(value), headers: { [Headers.messageId]: value } })));

    const exit = await runCrashingConsumer({ transactionSize: 30 });
    expect(exit).toBe('SIGKILL');
    const afterCrash = await db.pool.query<{ value: string }>('SELECT value FROM replay_effects');
    expect(afterCrash.rows.map((row) => row.value).sort()).toEqual(values.slice(0, 30).sort());

    const summaries: BatchSummary[] = [];
    await bus.subscribe({
      groupId,
      topics: [topic],
      decode: (bytes) => bytes.toString('utf8'),
      handler: async (message, tx) => {
        await tx.query('INSERT INTO replay_effects (message_id, value) VALUES ($1, $2)', [message.messageId, message.value]);
      },
      onBatchProcessed: (summary) => summaries.push(summary),
    });
    await waitFor('all 100 records handled', () => summaries.reduce((sum, summary) => sum + summary.received, 0) >= 100, { timeoutMs: 30_000 });

    // The first 30 came back (their offset was never committed) and were skipped by the inbox.
    expect(summaries.reduce((sum, summary) => sum + summary.duplicates, 0)).toBe(30);
    expect(summaries.reduce((sum, summary) => sum + summary.processed, 0)).toBe(70);
    const effects = await db.pool.query<{ value: string; copies: number }>('SELECT value, count(*)::int AS copies FROM replay_effects GROUP BY value');
    expect(effects.rows).toHaveLength(100);
    expect(effects.rows.every((row) => row.copies === 1)).toBe(true);
  }, 60_000);

  function runCrashingConsumer({ transactionSize }: { transactionSize: number }): Promise<NodeJS.Signals | number | null> {
    return new Promise((done, fail) => {
      const process_ = spawn(process.execPath, ['-r', '@swc-node/register', child], {
        cwd: repoRoot,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          CRASH_DATABASE_URL: db.url,
          CRASH_BROKERS: testKafkaBrokers().join(','),
          CRASH_TOPIC: topic,
          CRASH_GROUP: groupId,
          CRASH_TRANSACTION_SIZE: String(transactionSize),
        },
      });
      const timer = setTimeout(() => {
        process_.kill('SIGKILL');
        fail(new Error('the crashing consumer did not crash within 30 s'));
      }, 30_000);
      process_.on('exit', (code, signal) => {
        clearTimeout(timer);
        done(signal ?? code);
      });
    });
  }
});
