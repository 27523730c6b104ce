import { runMigrations } from '@oms/postgres';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { ConcurrencyError, DuplicateEventError, EventStore, eventStoreMigrations, InvalidAppendError } from './index';
import { newEvents } from './testing/new-events';

describe('EventStore (real PostgreSQL)', () => {
  let db: TestSchema;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestSchema('event_store');
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
    store = new EventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('appends at the expected version and reads the stream back byte for byte', async () => {
    const events = newEvents(3, 'a');
    const result = await store.append('order-a', 'no_stream', events);
    expect(result.nextVersion).toBe(3);
    expect(result.globalPositions).toHaveLength(3);

    const stored = await store.readStream('order-a');
    expect(stored.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
    expect(stored.map((event) => event.payload)).toEqual(events.map((event) => event.payload));
    expect(stored.map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
    expect(stored[0]!.schemaFingerprint.toString('hex')).toBe('0102030405060708');
    expect(stored[1]!.previousHash).toEqual(stored[0]!.hash);
    expect(stored[0]!.metadata).toEqual({ correlationId: 'corr-a', actor: 'test' });
    expect(stored[2]!.occurredAt).toBe(events[2]!.occurredAt);

    await store.append('order-a', 3, newEvents(1, 'a2'));
    expect((await store.readStream('order-a', { fromVersion: 4 })).map((event) => event.streamVersion)).toEqual([4]);
  });

  it('returns long binary payloads and metadata exactly as appended', async () => {
    const body = Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 37) % 256)); // every byte value, many lines of base64
    const [event] = newEvents(1, 'binary');
    const appended = { ...event!, payload: Buffer.concat([event!.payload.subarray(0, 10), body]), metadata: { actor: 'user:7', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', note: '订单 "quoted" \\ ✓' } };
    await store.append('order-binary', 0, [appended]);
    const [stored] = await store.readStream('order-binary');
    expect(stored!.payload.equals(appended.payload)).toBe(true);
    expect(stored!.metadata).toEqual(appended.metadata);
    expect(await store.verify('order-binary')).toMatchObject({ ok: true });
  });

  it('refuses a wrong expected version and writes nothing', async () => {
    await store.append('order-b', 0, newEvents(2, 'b'));
    await expect(store.append('order-b', 1, newEvents(1, 'late'))).rejects.toThrow(ConcurrencyError);
    await expect(store.append('order-b', 'no_stream', newEvents(1, 'late'))).rejects.toThrow('Stream order-b is at version 2, expected no_stream');
    expect(await store.readStream('order-b')).toHaveLength(2);
  });

  it('lets exactly one of two concurrent appends at the same expected version win', async () => {
    await store.append('order-c', 0, newEvents(1, 'c'));
    const outcomes = await Promise.allSettled([
      store.append('order-c', 1, newEvents(2, 'left')),
      store.append('order-c', 1, newEvents(2, 'right')),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConcurrencyError);
    const stream = await store.readStream('order-c');
    expect(stream.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
    expect(await store.verify('order-c')).toMatchObject({ ok: true, eventsChecked: 3 });
  });

  it('appends to several streams atomically', async () => {
    await store.append('order-d', 0, newEvents(1, 'd'));
    await expect(
      store.appendMany([
        { streamId: 'order-e', expectedVersion: 0, events: newEvents(2, 'e') },
        { streamId: 'order-d', expectedVersion: 0, events: newEvents(1, 'd-wrong') },
      ]),
    ).rejects.toThrow(ConcurrencyError);
    expect(await store.readStream('order-e')).toHaveLength(0);
  });

  it('names every stream off its expected version in one refusal, so a caller can drop every stale belief at once', async () => {
    await store.append('order-stale-1', 0, newEvents(2, 'f'));
    await store.append('order-stale-2', 0, newEvents(1, 'g'));
    const refusal = await store
      .appendMany([
        { streamId: 'order-stale-1', expectedVersion: 1, events: newEvents(1, 'f-stale') },
        { streamId: 'order-stale-new', expectedVersion: 0, events: newEvents(1, 'h') },
        { streamId: 'order-stale-2', expectedVersion: 'no_stream', events: newEvents(1, 'g-stale') },
      ])
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ConcurrencyError);
    expect(refusal).toMatchObject({ streamId: 'order-stale-1', expected: 1, actual: 2, conflicting: ['order-stale-1', 'order-stale-2'] });
    expect((refusal as Error).message).toBe('Stream order-stale-1 is at version 2, expected 1 (and 1 more stream(s) off their expected versions)');
  });

  it('refuses a duplicate event id and a payload that is not Avro single-object encoded', async () => {
    const [event] = newEvents(1, 'f');
    await store.append('order-f', 0, [event!]);
    await expect(store.append('order-g', 0, [event!])).rejects.toThrow(DuplicateEventError);
    await expect(store.append('order-g', 0, [{ ...event!, eventId: '00000000-0000-4000-8000-000000000001', payload: Buffer.from('{}') }])).rejects.toThrow(
      InvalidAppendError,
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the events table', async () => {
    await store.append('order-h', 0, newEvents(1, 'h'));
    await expect(db.pool.query(`UPDATE events SET event_type = 'Forged' WHERE stream_id = 'order-h'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(db.pool.query(`DELETE FROM events WHERE stream_id = 'order-h'`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.pool.query('TRUNCATE events')).rejects.toThrow(/append-only: TRUNCATE refused/);
  });

  it('reads a stream as of an instant', async () => {
    await store.append('order-i', 0, newEvents(2, 'i'));
    const [, second] = await store.readStream('order-i');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.append('order-i', 2, newEvents(1, 'i-late'));
    const then = await store.readStream('order-i', { asOf: second!.recordedAt });
    expect(then.map((event) => event.streamVersion)).toEqual([1, 2]);
    expect(await store.readStream('order-i', { asOf: second!.recordedAt - 60_000 })).toEqual([]);
  });
});
