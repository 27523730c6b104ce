import type { PoolClient } from 'pg';
import { Headers } from '@oms/contracts';
import { onCommit, onSettled, onUndo, runMigrations } from '@oms/postgres';
import { createTestSchema, uniqueName, waitFor, type TestSchema } from '@oms/testing';
import { RecordingLogger } from '../contract-tests/recording.logger';
import { PoisonMessageError } from '../errors/poison-message.error';
import { InProcessBus } from '../in-process/in-process-bus';
import { messagingMigrations } from './messaging.migrations';
import { PostgresInboxStore } from './postgres-inbox.store';

describe('PostgresInboxStore (real PostgreSQL)', () => {
  let db: TestSchema;
  let store: PostgresInboxStore;
  beforeAll(async () => {
    db = await createTestSchema('messaging_inbox');
    await runMigrations(db.pool, db.schema, [
      ...messagingMigrations,
      { component: 'inbox-test', id: '001-effects', sql: 'CREATE TABLE inbox_effects (message_id text NOT NULL)' },
    ]);
    store = new PostgresInboxStore(db.pool);
  });
  afterAll(() => db.drop());

  const entry = (messageId: string) => ({ consumerGroup: 'g', messageId, topic: 't', partition: 0, offset: '0' });

  it('keys the inbox by consumer group and message id', async () => {
    const key = await db.pool.query<{ column_name: string }>(
      `SELECT a.attname AS column_name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = 'messaging_inbox'::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    );
    expect(key.rows.map((row) => row.column_name)).toEqual(['consumer_group', 'message_id']);
  });

  it('makes a second transaction recording the same id wait for the first, then skip it', async () => {
    const first = await store.begin();
    expect([...(await first.recordNew([entry('shared'), entry('only-first')]))].sort()).toEqual(['only-first', 'shared']);
    const second = await store.begin();
    let secondResult: ReadonlySet<string> | undefined;
    const secondRecording = second.recordNew([entry('shared'), entry('only-second')]).then((fresh) => (secondResult = fresh));
    // The second blocks on the first's uncommitted row: it must not decide before the first ends.
    await waitFor('the second transaction to block on the row lock', async () => {
      const waiting = await db.pool.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO messaging_inbox%'`);
      return (waiting.rowCount ?? 0) > 0;
    });
    expect(secondResult).toBeUndefined();
    await first.commit();
    await secondRecording;
    expect([...(secondResult ?? [])]).toEqual(['only-second']);
    await second.commit();
  });

  it('retries a batch whose connection was killed, on a fresh connection, applying it once', async () => {
    const logger = new RecordingLogger();
    const bus = new InProcessBus<PoolClient>({ inbox: store, logger });
    const topic = uniqueName('killed');
    let killed = false;
    await bus.subscribe({
      groupId: uniqueName('killed.group'),
      topics: [topic],
      decode: (bytes) => bytes.toString(),
      backoff: { initialDelayMs: 10, maxDelayMs: 50 },
      handler: async (message, tx) => {
        await tx.query('INSERT INTO inbox_effects (message_id) VALUES ($1)', [message.messageId]);
        if (message.value === 'second' && !killed) {
          killed = true;
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        }
      },
    });
    await bus.producer.send(['first', 'second', 'third'].map((id) => ({ topic, key: 'k', value: Buffer.from(id), headers: { [Headers.messageId]: `${topic}/${id}` } })));
    await waitFor('three effects', async () => (await effectsLike(topic)).length === 3);
    await bus.close();
    expect((await effectsLike(topic)).sort()).toEqual([`${topic}/first`, `${topic}/second`, `${topic}/third`]);
    expect(logger.lines.find((line) => line.level === 'warn')?.fields['error']).toMatch(/terminating connection/);
  });

  it('runs the handlers’ onCommit effects after COMMIT, without those of a message rolled back to its savepoint or of a rolled-back batch', async () => {
    const effects: string[] = [];
    const batch = await store.begin();
    onCommit(batch.client, () => effects.push('before any message'));
    await batch.savepoint();
    onCommit(batch.client, () => effects.push('failed message'));
    await batch.rollbackToSavepoint();
    await batch.savepoint();
    onCommit(batch.client, () => effects.push('next message'));
    await batch.releaseSavepoint();
    expect(effects).toEqual([]);
    await batch.commit();
    expect(effects).toEqual(['before any message', 'next message']);

    const rolledBack = await store.begin();
    onCommit(rolledBack.client, () => effects.push('rolled-back batch'));
    await rolledBack.savepoint();
    onSettled(rolledBack.client, () => effects.push('settled: rolled-back batch')); // kept through a rollback to the savepoint
    await rolledBack.rollbackToSavepoint();
    await rolledBack.rollback();
    expect(effects).toEqual(['before any message', 'next message', 'settled: rolled-back batch']);
    // The connection's next checkout is another transaction: nothing of the last one carries over.
    const next = await store.begin();
    await next.commit();
    expect(effects).toEqual(['before any message', 'next message', 'settled: rolled-back batch']);
  });

  it('undoes the in-memory state of a message rolled back to its savepoint, and of a rolled-back batch, never of a committed one', async () => {
    const undone: string[] = [];
    const batch = await store.begin();
    onUndo(batch.client, () => undone.push('first message'));
    await batch.savepoint();
    onUndo(batch.client, () => undone.push('second message, older state'));
    onUndo(batch.client, () => undone.push('second message, newer state'));
    await batch.rollbackToSavepoint();
    expect(undone).toEqual(['second message, newer state', 'second message, older state']);
    await batch.commit();
    expect(undone).toEqual(['second message, newer state', 'second message, older state']);

    const rolledBack = await store.begin();
    onUndo(rolledBack.client, () => undone.push('rolled-back batch'));
    await rolledBack.rollback();
    expect(undone).toEqual(['second message, newer state', 'second message, older state', 'rolled-back batch']);
  });

  it('records dead-lettered messages with their outcome', async () => {
    const bus = new InProcessBus<PoolClient>({ inbox: store });
    const topic = uniqueName('outcome');
    const groupId = uniqueName('outcome.group');
    await bus.subscribe({
      groupId,
      topics: [topic],
      decode: (bytes) => bytes.toString(),
      handler: async (message) => {
        if (message.value === 'bad') throw new PoisonMessageError('rejected');
      },
    });
    await bus.producer.send(['good', 'bad'].map((id) => ({ topic, key: 'k', value: Buffer.from(id), headers: { [Headers.messageId]: id } })));
    const rows = await waitFor('two inbox rows', async () => {
      const result = await db.pool.query<{ message_id: string; outcome: string }>(
        'SELECT message_id, outcome FROM messaging_inbox WHERE consumer_group = $1 ORDER BY "offset"',
        [groupId],
      );
      return result.rows.length === 2 && result.rows;
    });
    await bus.close();
    expect(rows).toEqual([
      { message_id: 'good', outcome: 'processed' },
      { message_id: 'bad', outcome: 'dead-lettered' },
    ]);
  });

  async function effectsLike(topic: string): Promise<string[]> {
    const result = await db.pool.query<{ message_id: string }>('SELECT message_id FROM inbox_effects WHERE message_id LIKE $1', [`${topic}/%`]);
    return result.rows.map((row) => row.message_id);
  }
});
