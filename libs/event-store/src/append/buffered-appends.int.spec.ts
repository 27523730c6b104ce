import type { PoolClient } from 'pg';
import { runMigrations } from '@oms/postgres';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { ConcurrencyError, EventStore, eventStoreMigrations } from '../index';
import { newEvents } from '../testing/new-events';

/**
 * A consumer batch holds its appends back and writes them in one statement before COMMIT. The
 * log must come out exactly as if each append had been written at once: versions, hash chain,
 * conflicts — and the transaction must always read its own held-back events.
 */
describe('appends held back until the flush (real PostgreSQL)', () => {
  let db: TestSchema;

  beforeAll(async () => {
    db = await createTestSchema('buffered_appends');
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
  });
  afterAll(() => db.drop());

  async function inTransaction<T>(work: (client: PoolClient) => Promise<T>, commit = true): Promise<T> {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      return result;
    } finally {
      client.release();
    }
  }

  const versions = async (store: EventStore, streamId: string) => (await store.readStream(streamId)).map((event) => event.streamVersion);

  it('writes several streams appended one by one in one INSERT at the flush, with the same log as direct appends', async () => {
    const store = new EventStore(db.pool);
    const inserts: string[] = [];
    await inTransaction(async (client) => {
      store.bufferAppends(client);
      expect(await store.append('held-a', 0, newEvents(2, 'a1'), client)).toEqual({ streamId: 'held-a', nextVersion: 2, globalPositions: [] });
      await store.append('held-b', 0, newEvents(1, 'b1'), client);
      expect(await store.append('held-a', 2, newEvents(1, 'a2'), client)).toMatchObject({ nextVersion: 3 });
      // Nothing is written before the flush (another connection sees no row, nor does this one's SQL).
      expect((await client.query("SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'held-%'")).rows[0].n).toBe(0);
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        inserts.push(String((args[0] as { text?: string }).text ?? args[0]));
        return query(...args);
      };
      await store.flushAppends(client);
      (client as unknown as { query: unknown }).query = query;
    });
    expect(inserts.filter((sql) => sql.includes('INSERT INTO events'))).toHaveLength(1);
    expect(await versions(store, 'held-a')).toEqual([1, 2, 3]);
    expect((await store.readStream('held-a')).map((event) => event.metadata.correlationId)).toEqual(['corr-a1', 'corr-a1', 'corr-a2']);
    expect(await versions(store, 'held-b')).toEqual([1]);
    expect(await store.verify()).toMatchObject({ ok: true });
  });

  it('refuses at once an append that does not follow on from what the transaction holds for the stream', async () => {
    const store = new EventStore(db.pool);
    await inTransaction(async (client) => {
      store.bufferAppends(client);
      await store.append('held-c', 0, newEvents(2, 'c1'), client);
      await expect(store.append('held-c', 1, newEvents(1, 'c2'), client)).rejects.toThrow(ConcurrencyError);
      store.discardAppends(client);
    }, false);
    expect(await versions(store, 'held-c')).toEqual([]);
  });

  it('surfaces a conflict with another writer at the flush, having written nothing', async () => {
    const store = new EventStore(db.pool);
    await store.append('held-d', 0, newEvents(1, 'd1'));
    const other = new EventStore(db.pool);
    await other.append('held-d', 1, newEvents(1, 'theirs'));
    await inTransaction(async (client) => {
      store.bufferAppends(client);
      await store.append('held-d', 1, newEvents(1, 'mine'), client); // a stale belief: held, not checked yet
      await store.append('held-e', 0, newEvents(1, 'e1'), client);
      await expect(store.flushAppends(client)).rejects.toThrow(ConcurrencyError);
    }, false);
    expect((await store.readStream('held-d')).map((event) => event.metadata.correlationId)).toEqual(['corr-d1', 'corr-theirs']);
    expect(await versions(store, 'held-e')).toEqual([]);
  });

  it('lets the transaction read its own held-back events, then keeps holding later appends', async () => {
    const store = new EventStore(db.pool);
    await inTransaction(async (client) => {
      store.bufferAppends(client);
      await store.append('held-f', 0, newEvents(2, 'f1'), client);
      expect((await store.readStream('held-f', undefined, client)).map((event) => event.streamVersion)).toEqual([1, 2]);
      await store.append('held-f', 2, newEvents(1, 'f2'), client);
      expect((await client.query("SELECT count(*)::int AS n FROM events WHERE stream_id = 'held-f'")).rows[0].n).toBe(2);
      await store.flushAppends(client);
    });
    expect(await versions(store, 'held-f')).toEqual([1, 2, 3]);
  });

  it('fails every later use of the transaction once a flush before a read lost what it held', async () => {
    const store = new EventStore(db.pool);
    await store.append('held-i', 0, newEvents(1, 'i1'));
    await new EventStore(db.pool).append('held-i', 1, newEvents(1, 'theirs'));
    await inTransaction(async (client) => {
      store.bufferAppends(client);
      await store.append('held-i', 1, newEvents(1, 'mine'), client); // stale: the read below flushes it and fails
      await expect(store.readStream('held-j', undefined, client)).rejects.toThrow(ConcurrencyError);
      // A caller that caught that and went on (deciding another order again) must not get to commit.
      await expect(store.readStream('held-j', undefined, client)).rejects.toThrow(ConcurrencyError);
      await expect(store.append('held-j', 0, newEvents(1, 'j1'), client)).rejects.toThrow(ConcurrencyError);
      await expect(store.flushAppends(client)).rejects.toThrow(ConcurrencyError);
      store.discardAppends(client);
    }, false);
    expect((await store.readStream('held-i')).map((event) => event.metadata.correlationId)).toEqual(['corr-i1', 'corr-theirs']);
    expect(await versions(store, 'held-j')).toEqual([]);
  });

  it("writes an append at 'any' version at once, after what was held", async () => {
    const store = new EventStore(db.pool);
    await inTransaction(async (client) => {
      store.bufferAppends(client);
      await store.append('held-g', 0, newEvents(1, 'g1'), client);
      await store.append('held-g', 'any', newEvents(1, 'g2'), client);
      expect((await client.query("SELECT count(*)::int AS n FROM events WHERE stream_id = 'held-g'")).rows[0].n).toBe(2);
      await store.flushAppends(client);
    });
    expect((await store.readStream('held-g')).map((event) => event.metadata.correlationId)).toEqual(['corr-g1', 'corr-g2']);
  });

  it('forgets what a rolled-back transaction held: the next checkout of the connection writes at once', async () => {
    const store = new EventStore(db.pool);
    await inTransaction(async (client) => {
      store.bufferAppends(client);
      await store.append('held-h', 0, newEvents(1, 'h1'), client);
    }, false);
    await inTransaction(async (client) => {
      await store.append('held-h', 0, newEvents(1, 'h2'), client);
      expect((await client.query("SELECT count(*)::int AS n FROM events WHERE stream_id = 'held-h'")).rows[0].n).toBe(1);
    });
    expect((await store.readStream('held-h')).map((event) => event.metadata.correlationId)).toEqual(['corr-h2']);
  });
});
