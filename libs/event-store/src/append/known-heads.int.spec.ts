import { runMigrations, withTransaction } from '@oms/postgres';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { ConcurrencyError, EventStore, eventStoreMigrations } from '../index';
import { newEvents } from '../testing/new-events';

/**
 * The one-statement append trusts a cache of stream heads only as far as the database confirms
 * it. These tests make the cache wrong in each way it can be wrong and check the log stays right.
 */
describe('appends on cached stream heads (real PostgreSQL)', () => {
  let db: TestSchema;
  let queries: string[];

  beforeAll(async () => {
    db = await createTestSchema('known_heads');
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
    // Counting what the pool is asked to run: the point of the cache is fewer round trips.
    const query = db.pool.query.bind(db.pool) as (...args: unknown[]) => unknown;
    (db.pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [first] = args;
      queries.push(typeof first === 'string' ? first : String((first as { text?: string }).text));
      return query(...args);
    };
  });
  beforeEach(() => (queries = []));
  afterAll(() => db.drop());

  it('writes a new stream and continues a stream it knows in one statement each', async () => {
    const store = new EventStore(db.pool);
    await store.append('known-1', 0, newEvents(2, 'k1'));
    await store.append('known-1', 2, newEvents(3, 'k1b'));
    expect(queries.filter((sql) => sql.includes('INSERT INTO events'))).toHaveLength(2);
    expect(queries).toHaveLength(2); // no BEGIN, head query or COMMIT
    expect((await store.readStream('known-1')).map((event) => event.streamVersion)).toEqual([1, 2, 3, 4, 5]);
    expect(await store.verify('known-1')).toMatchObject({ ok: true, eventsChecked: 5 });
  });

  it('learns the head from a read, as a service loading an aggregate does', async () => {
    const writer = new EventStore(db.pool);
    await writer.append('known-2', 0, newEvents(3, 'k2'));
    const reader = new EventStore(db.pool);
    await reader.readStream('known-2');
    queries = [];
    await reader.append('known-2', 3, newEvents(1, 'k2b'));
    expect(queries).toHaveLength(1);
    expect(await reader.verify('known-2')).toMatchObject({ ok: true, eventsChecked: 4 });
  });

  it('refuses an append on a head another process moved past, and writes nothing', async () => {
    const mine = new EventStore(db.pool);
    const theirs = new EventStore(db.pool);
    await mine.append('known-3', 0, newEvents(2, 'k3'));
    await theirs.append('known-3', 2, newEvents(1, 'theirs'));
    await expect(mine.append('known-3', 2, newEvents(1, 'mine'))).rejects.toThrow(ConcurrencyError);
    expect((await mine.readStream('known-3')).map((event) => event.metadata.correlationId)).toEqual(['corr-k3', 'corr-k3', 'corr-theirs']);
  });

  it('does not chain onto a head whose transaction rolled back', async () => {
    const store = new EventStore(db.pool);
    await store.append('known-4', 0, newEvents(1, 'k4'));
    // The cache learns version 2 from a write that never commits...
    await expect(
      withTransaction(db.pool, async (tx) => {
        await store.append('known-4', 1, newEvents(1, 'doomed'), tx);
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    // ...and another writer then takes version 2 for real, with a different hash.
    await new EventStore(db.pool).append('known-4', 1, newEvents(1, 'real'));
    await store.append('known-4', 2, newEvents(1, 'next'));
    const stored = await store.readStream('known-4');
    expect(stored.map((event) => event.metadata.correlationId)).toEqual(['corr-k4', 'corr-real', 'corr-next']);
    expect(stored[2]!.previousHash).toEqual(stored[1]!.hash);
    expect(await store.verify('known-4')).toMatchObject({ ok: true });
  });

  it('appends to several known streams atomically, or to none', async () => {
    const store = new EventStore(db.pool);
    await store.appendMany([
      { streamId: 'known-5a', expectedVersion: 0, events: newEvents(1, 'a') },
      { streamId: 'known-5b', expectedVersion: 0, events: newEvents(1, 'b') },
    ]);
    await new EventStore(db.pool).append('known-5b', 1, newEvents(1, 'other'));
    await expect(
      store.appendMany([
        { streamId: 'known-5a', expectedVersion: 1, events: newEvents(1, 'a2') },
        { streamId: 'known-5b', expectedVersion: 1, events: newEvents(1, 'b2') },
      ]),
    ).rejects.toThrow(ConcurrencyError);
    expect(await store.readStream('known-5a')).toHaveLength(1);
  });

  it('still checks the expected version of an append with no events', async () => {
    const store = new EventStore(db.pool);
    await store.append('known-6', 0, newEvents(1, 'k6'));
    await expect(store.append('known-6', 0, [])).rejects.toThrow(ConcurrencyError);
    await expect(store.append('known-6', 1, [])).resolves.toMatchObject({ nextVersion: 1 });
  });

  it('stores one event on a known head column for column as the general statement does', async () => {
    const store = new EventStore(db.pool);
    const [first, second, third] = newEvents(3, 'k7');
    await store.append('known-7', 0, [first!, second!]); // the general statement
    queries = [];
    await store.append('known-7', 2, [third!]); // the one-event statement
    expect(queries).toHaveLength(1);
    expect(queries[0]).not.toContain('unnest'); // scalar parameters, not the general statement's arrays
    const [, stored2, stored3] = await store.readStream('known-7');
    for (const [stored, appended] of [[stored2!, second!], [stored3!, third!]] as const) {
      expect(stored.payload).toEqual(appended.payload);
      expect(stored.schemaFingerprint).toEqual(appended.payload.subarray(2, 10));
      expect(stored.metadata).toEqual(appended.metadata);
      expect(stored.occurredAt).toBe(appended.occurredAt);
      expect(stored.eventId).toBe(appended.eventId);
    }
    expect(stored3!.previousHash).toEqual(stored2!.hash);
    expect(await store.verify('known-7')).toMatchObject({ ok: true, eventsChecked: 3 });
  });
});
