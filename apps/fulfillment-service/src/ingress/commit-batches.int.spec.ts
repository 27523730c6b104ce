import type { PoolClient } from 'pg';
import { Headers } from '@oms/contracts';
import { InProcessBus, messagingMigrations, PostgresInboxStore, type ConsumedMessage } from '@oms/messaging';
import { runMigrations } from '@oms/postgres';
import { createTestSchema, waitFor, type TestSchema } from '@oms/testing';
import { CommitBatches } from './commit-batches';

// The deferral the carrier-tracks handler relies on, as the subscription's writeBehind on the
// messaging layer's own processor (InProcessBus runs the same BatchProcessor as Kafka) and a real
// PostgreSQL inbox.
describe('CommitBatches as a subscription writeBehind', () => {
  let db: TestSchema;
  let bus: InProcessBus<PoolClient>;
  const batches = new CommitBatches();
  const flushes: number[] = [];

  beforeAll(async () => {
    db = await createTestSchema('fs_flush');
    await runMigrations(db.pool, db.schema, messagingMigrations);
    await db.pool.query('CREATE TABLE written (item text PRIMARY KEY)');
    bus = new InProcessBus<PoolClient>({ inbox: new PostgresInboxStore(db.pool), defaultPartitions: 1 });
  });
  afterAll(async () => {
    await bus?.close();
    await db?.drop();
  });

  // 'poison' cannot be written, deferred or not (a CHECK the table does not have is simulated by throwing).
  const write = async (items: string[], tx: PoolClient) => {
    flushes.push(items.length);
    if (items.includes('poison')) throw new Error('cannot write poison');
    await tx.query('INSERT INTO written (item) SELECT unnest($1::text[])', [items]);
  };
  const handler = async (message: ConsumedMessage<string>, tx: PoolClient) => {
    if (!batches.add(tx, 'items', message.value, write)) await write([message.value], tx);
  };
  const send = (topic: string, items: string[]) => bus.producer.send(items.map((item) => ({ topic, key: 'k', value: Buffer.from(item), headers: { [Headers.messageId]: `${topic}:${item}` } })));
  const written = async () => (await db.pool.query<{ item: string }>('SELECT item FROM written ORDER BY item')).rows.map((row) => row.item);

  it('writes a chunk of deferred records with one flush, committed with their inbox rows', async () => {
    flushes.length = 0;
    await send('items.a', ['a1', 'a2', 'a3', 'a4', 'a5']);
    await bus.subscribe({ groupId: 'g-a', topics: ['items.a'], decode: (bytes) => bytes.toString(), handler, writeBehind: batches, backoff: { initialDelayMs: 10, maxDelayMs: 20 } });
    await waitFor('five items written', async () => (await written()).length === 5);
    expect(flushes).toEqual([5]);
    const inbox = await db.pool.query("SELECT count(*)::int AS n FROM messaging_inbox WHERE consumer_group = 'g-a' AND outcome = 'processed'");
    expect(inbox.rows[0]?.n).toBe(5);
  });

  it('runs a chunk whose flush failed again record by record: the poison one is dead-lettered alone, the rest written', async () => {
    flushes.length = 0;
    const dead: string[] = [];
    await bus.subscribe({ groupId: 'g-dlq', topics: ['items.b.dlq'], decode: (bytes) => bytes.toString(), handler: async (message) => void dead.push(message.value) });
    await send('items.b', ['b1', 'poison', 'b3']);
    await bus.subscribe({ groupId: 'g-b', topics: ['items.b'], decode: (bytes) => bytes.toString(), handler, writeBehind: batches, maxAttempts: 2, backoff: { initialDelayMs: 10, maxDelayMs: 20 } });
    await waitFor('the poison record dead-lettered', () => dead.length === 1);
    await waitFor('the others written', async () => (await written()).filter((item) => item.startsWith('b')).length === 2);
    expect(dead).toEqual(['poison']);
    expect(await written()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b3']);
    // First the deferred flush of all three; in the end one record at a time (each in its savepoint).
    expect(flushes[0]).toBe(3);
    expect(flushes.at(-1)).toBe(1);
  });
});
