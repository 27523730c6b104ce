import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { ConcurrencyError, EventStore, type ReadStreamOptions, type StoredEvent } from '@oms/event-store';
import { PostgresInboxStore, TransientError } from '@oms/messaging';
import { withTransaction } from '@oms/postgres';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { migrateOrderService } from '../database/all-migrations';
import { decodeOrderEvent } from '../mapping/order-event.mapper';
import { cmd, STRANGER, SUPERVISOR } from '../testing/order-command.builders';
import { testLogger } from '../testing/silent-logger';
import type { OrderCommandRequest } from './command-request';
import { OrderCommandService } from './order-command.service';
import { OrderStreamRepository } from './order-stream.repository';
import { RejectedCommandRepository } from './rejected-command.repository';
import { CommittedOrderCache } from './committed-order.cache';
import { TransactionOrderCache } from './transaction-order.cache';

/** The event store with a count of stream reads, to see what the per-transaction cache saves. */
class CountingEventStore extends EventStore {
  reads = 0;
  override readStream(streamId: string, options?: ReadStreamOptions, client?: PoolClient): Promise<StoredEvent[]> {
    this.reads += 1;
    return super.readStream(streamId, options, client);
  }
}

describe('OrderCommandService (real PostgreSQL)', () => {
  let db: TestSchema;
  let store: CountingEventStore;
  let service: OrderCommandService;
  const rejected = new RejectedCommandRepository();

  beforeAll(async () => {
    db = await createTestSchema('order_commands');
    await migrateOrderService(db.pool, db.schema);
    store = new CountingEventStore(db.pool);
    service = new OrderCommandService(store, new OrderStreamRepository(store), new TransactionOrderCache(), new CommittedOrderCache(), rejected, testLogger());
  });
  afterAll(() => db.drop());

  const request = (command: OrderCommandRequest['command'], extra: Partial<OrderCommandRequest> = {}): OrderCommandRequest => ({
    command, metadata: { correlationId: 'corr-1', causationId: command.data.commandId, actor: 'test' }, source: 'test', ...extra,
  });
  const types = async (orderId: string) => (await store.readStream(orderId)).map((event) => event.type);

  it('places and pays an order in one transaction, reading no stream (new stream, then the cache) and chaining hashes', async () => {
    const orderId = randomUUID();
    store.reads = 0;
    await withTransaction(db.pool, async (client) => {
      for (const command of [cmd.placeOrder({ orderId }), cmd.notification({ orderId }), cmd.confirmation({ orderId })]) await service.execute(request(command), client);
    });
    expect(store.reads).toBe(0);
    expect(await types(orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'PaymentConfirmed', 'OrderPaid', 'InventoryReservationRequested']);
    const [placed] = await store.readStream(orderId);
    expect(placed!.metadata).toEqual({ correlationId: 'corr-1', causationId: 'cmd-PlaceOrder-0', actor: 'test' });
    expect(decodeOrderEvent(placed!.payload).event).toMatchObject({ type: 'OrderPlaced', data: { orderId, totalAmount: 27_500 } });
    expect(await store.verify(orderId)).toMatchObject({ ok: true });
  });

  it('decides on the state a committed batch left without reading the stream, and never on a rolled-back one', async () => {
    const [paid, other] = [randomUUID(), randomUUID()];
    await withTransaction(db.pool, async (client) => {
      await service.execute(request(cmd.placeOrder({ orderId: paid })), client);
      await service.execute(request(cmd.placeOrder({ orderId: other })), client);
    });
    store.reads = 0;
    await withTransaction(db.pool, (client) => service.execute(request(cmd.notification({ orderId: paid })), client));
    expect(store.reads).toBe(0);

    const rolledBack = withTransaction(db.pool, async (tx) => {
      await service.execute(request(cmd.notification({ orderId: other })), tx);
      throw new Error('the batch fails after deciding');
    });
    await expect(rolledBack).rejects.toThrow('the batch fails after deciding');
    store.reads = 0;
    // The retried transaction decides on the committed state without a read: had the rolled-back
    // state been kept, the notification would look repeated there, and be re-read from the stream.
    await withTransaction(db.pool, (tx) => service.execute(request(cmd.notification({ orderId: other })), tx));
    expect(store.reads).toBe(0);
    // Another instance (its own memory) moves the order on: this one's cached state is behind.
    const elsewhere = new OrderCommandService(store, new OrderStreamRepository(store), new TransactionOrderCache(), new CommittedOrderCache(), rejected, testLogger());
    await withTransaction(db.pool, (tx) => elsewhere.execute(request(cmd.changeAddress({ orderId: other, actor: SUPERVISOR })), tx));
    store.reads = 0;
    await withTransaction(db.pool, (tx) => service.execute(request(cmd.confirmation({ orderId: other })), tx));
    expect(store.reads).toBe(1); // the stale committed state failed its version check, and the stream was read once
    expect((await types(other)).slice(0, 4)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'OrderAddressChanged', 'PaymentConfirmed']);
  });

  it('treats a re-sent order as a duplicate, and never lets a rolled-back transaction leak its state into the next one', async () => {
    const orderId = randomUUID();
    await withTransaction(db.pool, (client) => service.execute(request(cmd.placeOrder({ orderId })), client));
    const duplicate = await withTransaction(db.pool, (client) => service.execute(request(cmd.placeOrder({ orderId, commandId: 'again' })), client));
    expect(duplicate).toMatchObject({ kind: 'accepted', appended: [] });

    // One connection, so the second transaction runs on the very client the first rolled back on.
    const single = new Pool({ connectionString: db.url, max: 1 });
    try {
      const client = await single.connect();
      await client.query('BEGIN');
      await service.execute(request(cmd.notification({ orderId })), client);
      await client.query('ROLLBACK');
      client.release();
      await withTransaction(single, (tx) => service.execute(request(cmd.notification({ orderId })), tx));
    } finally {
      await single.end();
    }
    expect(await types(orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted']);
  });

  it('records a refusal as CommandRejected in the stream, and one for an unknown order in rejected_commands', async () => {
    const orderId = randomUUID();
    await withTransaction(db.pool, (client) => service.execute(request(cmd.placeOrder({ orderId })), client));
    const outcome = await withTransaction(db.pool, (client) => service.execute(request(cmd.cancel({ orderId, actor: STRANGER })), client));
    expect(outcome).toMatchObject({ kind: 'rejected', rejection: { code: 'FORBIDDEN', state: 'pending_payment' } });
    const events = await store.readStream(orderId);
    expect(decodeOrderEvent(events[1]!.payload).event).toMatchObject({ type: 'CommandRejected', data: { command: 'CancelOrder', code: 'FORBIDDEN', actor: STRANGER } });

    const unknown = randomUUID();
    await withTransaction(db.pool, (client) => service.execute(request(cmd.invoice({ orderId: unknown }), { source: 'oms.ingress.invoices.v1' }), client));
    expect(await types(unknown)).toEqual([]);
    expect(await rejected.forOrder(db.pool, unknown)).toEqual([
      { command: 'ConfirmInvoice', code: 'ILLEGAL_TRANSITION', reason: 'Cannot ConfirmInvoice when order is not_placed', source: 'oms.ingress.invoices.v1' },
    ]);
    const reported = await withTransaction(db.pool, (client) => service.execute(request(cmd.invoice({ orderId: unknown }), { unknownOrder: 'report' }), client));
    expect(reported.kind).toBe('unknown-order');
  });

  it('re-reads and decides again in place when an older transaction appended to the order meanwhile', async () => {
    const orderId = randomUUID();
    await withTransaction(db.pool, (client) => service.execute(request(cmd.placeOrder({ orderId })), client));
    const [older, younger] = [await db.pool.connect(), await db.pool.connect()];
    try {
      await older.query('BEGIN; SELECT pg_current_xact_id()');
      await younger.query('BEGIN');
      // The younger transaction loads the order at version 1 (a re-sent order decides nothing).
      await service.execute(request(cmd.placeOrder({ orderId, commandId: 'again' })), younger);
      await service.execute(request(cmd.changeAddress({ orderId, actor: SUPERVISOR })), older);
      await older.query('COMMIT');
      const outcome = await service.execute(request(cmd.changeAddress({ orderId, actor: SUPERVISOR, phone: '13700137000' })), younger);
      await younger.query('COMMIT');
      expect(outcome).toMatchObject({ kind: 'accepted', order: { state: { version: 3, phone: '13700137000' } } });
    } finally {
      older.release();
      younger.release();
    }
    expect(await types(orderId)).toEqual(['OrderPlaced', 'OrderAddressChanged', 'OrderAddressChanged']);
  });

  it('asks for a new transaction (TransientError) when a younger transaction wrote the order first', async () => {
    const orderId = randomUUID();
    await withTransaction(db.pool, (client) => service.execute(request(cmd.placeOrder({ orderId })), client));
    const old = await db.pool.connect();
    try {
      await old.query('BEGIN; SELECT pg_current_xact_id()'); // an older transaction id, like a batch that wrote its inbox rows
      await withTransaction(db.pool, (young) => service.execute(request(cmd.changeAddress({ orderId, actor: SUPERVISOR })), young));
      await expect(service.execute(request(cmd.notification({ orderId })), old)).rejects.toBeInstanceOf(TransientError);
    } finally {
      await old.query('ROLLBACK');
      old.release();
    }
    expect(await types(orderId)).toEqual(['OrderPlaced', 'OrderAddressChanged']);
  });

  it('decides again on the state before a message rolled back to its savepoint (its handler failed after deciding)', async () => {
    const orderId = randomUUID();
    await withTransaction(db.pool, (client) => service.execute(request(cmd.placeOrder({ orderId })), client));
    const batch = await new PostgresInboxStore(db.pool).begin();
    try {
      await batch.savepoint();
      await service.execute(request(cmd.notification({ orderId })), batch.client);
      await batch.rollbackToSavepoint(); // the handler failed after its decision; the message is retried in place
      await batch.savepoint();
      const retried = await service.execute(request(cmd.notification({ orderId })), batch.client);
      await batch.releaseSavepoint();
      await batch.commit();
      expect(retried.kind === 'accepted' && retried.appended.map((event) => event.event.type)).toEqual(['PaymentNotificationAccepted']);
    } catch (error) {
      await batch.rollback();
      throw error;
    }
    expect(await types(orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted']);
  });

  it('after another instance moved its orders on, runs a buffered chunk again at once, distrusting every order it believed stale', async () => {
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    const committed = new CommittedOrderCache();
    const here = new OrderCommandService(store, new OrderStreamRepository(store), new TransactionOrderCache(), committed, rejected, testLogger());
    await withTransaction(db.pool, async (client) => {
      for (const orderId of [first, second]) await here.execute(request(cmd.placeOrder({ orderId })), client);
    });
    // Another instance takes the payments of the first two (this one still believes them at
    // version 1) and places the third, which this one has never seen.
    for (const orderId of [first, second]) {
      await withTransaction(db.pool, (client) => service.execute(request(cmd.notification({ orderId })), client));
    }
    await withTransaction(db.pool, (client) => service.execute(request(cmd.placeOrder({ orderId: third })), client));
    const client = await db.pool.connect();
    let thrown: unknown;
    try {
      await client.query('BEGIN');
      store.bufferAppends(client); // as a consumer chunk does (its write-behind)
      // Decided on the stale beliefs, and held back.
      for (const orderId of [first, second]) await here.execute(request(cmd.changeAddress({ orderId, actor: SUPERVISOR })), client);
      // The third order is read from its stream: the held appends are written first, and fail.
      await here.execute(request(cmd.notification({ orderId: third })), client).catch((error: unknown) => (thrown = error));
    } finally {
      store.discardAppends(client);
      await client.query('ROLLBACK');
      client.release();
    }
    // Not a TransientError after three futile attempts in place (a backoff): the conflict itself, so the chunk runs again at once.
    expect(thrown).toBeInstanceOf(ConcurrencyError);
    expect((thrown as ConcurrencyError).conflicting).toEqual([first, second]);
    expect([committed.isStale(first), committed.isStale(second), committed.isStale(third)]).toEqual([true, true, false]);
    // The chunk's next run reads both from their streams and decides right.
    await withTransaction(db.pool, async (tx) => {
      for (const orderId of [first, second]) await here.execute(request(cmd.changeAddress({ orderId, actor: SUPERVISOR })), tx);
    });
    for (const orderId of [first, second]) expect(await types(orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'OrderAddressChanged']);
  });

  it('makes a transaction wait for another of this process deciding on the same order, then decide on what that one committed', async () => {
    const orderId = randomUUID();
    await withTransaction(db.pool, (client) => service.execute(request(cmd.placeOrder({ orderId })), client));
    let decided!: () => void;
    let finish!: () => void;
    const firstDecided = new Promise<void>((resolve) => (decided = resolve));
    const mayFinish = new Promise<void>((resolve) => (finish = resolve));
    const first = withTransaction(db.pool, async (client) => {
      await service.execute(request(cmd.notification({ orderId })), client);
      decided();
      await mayFinish; // still open: its new event is not committed
    });
    await firstDecided;
    // Without the wait it would decide on version 1 too, and fail once the first commits.
    const second = withTransaction(db.pool, (client) => service.execute(request(cmd.changeAddress({ orderId, actor: SUPERVISOR })), client));
    await new Promise((resolve) => setTimeout(resolve, 50));
    finish();
    await first;
    await expect(second).resolves.toMatchObject({ kind: 'accepted', order: { state: { version: 3 } } });
    expect(await types(orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'OrderAddressChanged']);
  });
});
