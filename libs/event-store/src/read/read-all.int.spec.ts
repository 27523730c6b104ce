import type { PoolClient } from 'pg';
import { runMigrations } from '@oms/postgres';
import { createTestSchema, waitFor, type TestSchema } from '@oms/testing';
import { EventStore, eventStoreMigrations, START_OF_LOG, StreamOrderConflictError, type LogCheckpoint, type LoggedEvent } from '../index';
import { newEvents } from '../testing/new-events';

/** Reads the log page by page from `from` until nothing more is safe to read. */
async function drain(store: EventStore, from: LogCheckpoint): Promise<{ events: LoggedEvent[]; checkpoint: LogCheckpoint }> {
  const events: LoggedEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const page = await store.readAll(checkpoint, 3);
    events.push(...page.events);
    checkpoint = page.checkpoint;
    if (page.events.length === 0) return { events, checkpoint };
  }
}

describe('readAll: the global log (real PostgreSQL)', () => {
  let db: TestSchema;
  let store: EventStore;

  beforeEach(async () => {
    db = await createTestSchema('read_all');
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
    store = new EventStore(db.pool);
  });
  afterEach(() => db.drop());

  it('gives each event as the stream holds it, without the hash chain', async () => {
    await store.append('whole', 0, newEvents(2, 'whole'));
    const { events } = await waitFor('both events', async () => {
      const page = await drain(store, START_OF_LOG);
      return page.events.length === 2 ? page : undefined;
    });
    const stored = await store.readStream('whole');
    expect(events).toEqual(stored.map(({ previousHash: _previous, hash: _hash, ...logged }) => logged));
    expect(events[0]).not.toHaveProperty('hash');
  });

  it('neither skips an event that commits late nor stalls on a rolled-back one', async () => {
    await store.append('early', 0, newEvents(2, 'early'));
    const slow = await db.pool.connect();
    const doomed = await db.pool.connect();
    await slow.query('BEGIN');
    await store.append('slow', 0, newEvents(1, 'slow'), slow); // takes a low position, commits last
    await doomed.query('BEGIN');
    await store.append('doomed', 0, newEvents(1, 'doomed'), doomed); // will roll back
    await store.append('later', 0, newEvents(3, 'later')); // commits now, higher positions

    // While the slow transaction is open, the reader stops before anything that could precede it.
    // (Another session's open transaction could hold the reader back a moment longer: wait, never
    // accept more.)
    const first = await waitFor('the two early events', async () => {
      const page = await drain(store, START_OF_LOG);
      return page.events.length >= 2 ? page : undefined;
    });
    expect(first.events.map((event) => event.streamId)).toEqual(['early', 'early']);

    await doomed.query('ROLLBACK');
    await slow.query('COMMIT');
    release(slow, doomed);

    const second = await waitFor('the late commit and the later events', async () => {
      const page = await drain(store, first.checkpoint);
      return page.events.length >= 4 ? page : undefined;
    });
    expect(second.events.map((event) => event.streamId).sort()).toEqual(['later', 'later', 'later', 'slow']);
    expect(second.events.map((event) => event.streamId)).not.toContain('doomed');

    // Everything committed was read exactly once, and the reader is not stuck.
    await store.append('after', 0, newEvents(1, 'after'));
    const third = await waitFor('the event appended after', async () => {
      const page = await drain(store, second.checkpoint);
      return page.events.length >= 1 ? page : undefined;
    });
    expect(third.events.map((event) => event.streamId)).toEqual(['after']);
  });

  it('keeps each stream in version order even when an older transaction appends after a younger one', async () => {
    const older = await db.pool.connect();
    await older.query('BEGIN');
    await older.query('SELECT pg_current_xact_id()'); // takes its xid now
    await store.append('order-x', 0, newEvents(1, 'x')); // a younger transaction writes version 1
    // The older transaction must not append version 2: its events would sort before version 1.
    await expect(store.append('order-x', 1, newEvents(1, 'x2'), older)).rejects.toThrow(StreamOrderConflictError);
    await older.query('ROLLBACK');
    release(older);
    await store.append('order-x', 1, newEvents(1, 'x2')); // a fresh transaction succeeds

    const { events } = await waitFor('both versions', async () => {
      const page = await drain(store, START_OF_LOG);
      return page.events.length >= 2 ? page : undefined;
    });
    expect(events.map((event) => event.streamVersion)).toEqual([1, 2]);
  });
});

describe('readAll across transaction ids of different lengths (real PostgreSQL)', () => {
  let db: TestSchema;
  beforeAll(async () => {
    db = await createTestSchema('read_all_xids');
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
  });
  afterAll(() => db.drop());

  it('orders by transaction id as a number, so 999 comes before 1000 and nothing is skipped', async () => {
    // Rows as if written by transactions 997..1002: sorted as text, '1000' < '997' and pages
    // would jump past versions 1-3 for ever.
    const store = new EventStore(db.pool);
    const events = newEvents(6, 'xid');
    for (const [index, event] of events.entries()) {
      await db.pool.query(
        `INSERT INTO events (transaction_id, stream_id, stream_version, event_id, event_type, schema_fingerprint, payload, metadata, occurred_at, hash)
         VALUES ($1::text::xid8, 'order-xid', $2, $3, 'TestEvent', '\\x0102030405060708', $4, '{}', now(), '\\x00')`,
        [String(997 + index), index + 1, event.eventId, event.payload],
      );
    }
    const read: number[] = [];
    let checkpoint = START_OF_LOG;
    for (;;) {
      const page = await store.readAll(checkpoint, 2);
      if (page.events.length === 0) break;
      read.push(...page.events.map((event) => event.streamVersion));
      checkpoint = page.checkpoint;
    }
    expect(read).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

function release(...clients: PoolClient[]): void {
  for (const client of clients) client.release();
}
