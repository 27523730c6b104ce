import { runMigrations } from '@oms/postgres';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { EventStore, eventHash, eventStoreMigrations } from '../index';
import { newEvents } from '../testing/new-events';

/**
 * Tampering needs to get past the immutability trigger, as a database owner could:
 * `session_replication_role = replica` turns ordinary triggers off for one session.
 */
async function tamper(db: TestSchema, sql: string): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query(sql);
  } finally {
    await client.query('RESET session_replication_role');
    client.release();
  }
}

describe('verifyHashChain (real PostgreSQL)', () => {
  let db: TestSchema;
  let store: EventStore;

  beforeEach(async () => {
    db = await createTestSchema('hash_chain');
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
    store = new EventStore(db.pool);
    for (const stream of ['order-1', 'order-2', 'order-3']) await store.append(stream, 0, newEvents(5, stream));
  });
  afterEach(() => db.drop());

  it('passes an untouched store', async () => {
    expect(await store.verify()).toEqual({ ok: true, streamsChecked: 3, eventsChecked: 15 });
  });

  it('names the exact event whose payload was altered with SQL', async () => {
    const [target] = (await store.readStream('order-2')).filter((event) => event.streamVersion === 3);
    await tamper(db, `UPDATE events SET payload = payload || '\\x00'::bytea WHERE event_id = '${target!.eventId}'`);
    const verdict = await store.verify();
    expect(verdict).toMatchObject({ ok: false, reason: 'hash-mismatch', streamId: 'order-2', streamVersion: 3, eventId: target!.eventId, globalPosition: target!.globalPosition });
  });

  it('catches an alteration whose hash was recomputed, at the next link', async () => {
    const [, second] = await store.readStream('order-1');
    const forgedMetadata = { actor: 'mallory' };
    const forgedHash = eventHash({ ...second!, metadata: forgedMetadata });
    await tamper(db, `UPDATE events SET metadata = '{"actor":"mallory"}', hash = '\\x${forgedHash.toString('hex')}' WHERE event_id = '${second!.eventId}'`);
    expect(await store.verify('order-1')).toMatchObject({ ok: false, reason: 'broken-link', streamId: 'order-1', streamVersion: 3 });
  });

  it('names the gap left by a deleted event', async () => {
    await tamper(db, `DELETE FROM events WHERE stream_id = 'order-3' AND stream_version = 4`);
    expect(await store.verify()).toMatchObject({ ok: false, reason: 'missing-version', streamId: 'order-3', streamVersion: 5 });
  });

  it('pages through the store without losing links between pages', async () => {
    const { pool } = db;
    const { verifyHashChain } = await import('./hash-chain.verifier');
    expect(await verifyHashChain(pool, undefined, 2)).toEqual({ ok: true, streamsChecked: 3, eventsChecked: 15 });
    await tamper(db, `UPDATE events SET previous_hash = NULL WHERE stream_id = 'order-1' AND stream_version = 3`);
    expect(await verifyHashChain(pool, undefined, 2)).toMatchObject({ ok: false, reason: 'broken-link', streamId: 'order-1', streamVersion: 3 });
  });
});
