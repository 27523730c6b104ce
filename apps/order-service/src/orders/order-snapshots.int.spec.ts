import { Topics } from '@oms/contracts';
import { EventStore, type ReadStreamOptions } from '@oms/event-store';
import { withTransaction } from '@oms/postgres';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { migrateOrderService } from '../database/all-migrations';
import { FulfilmentIngressService } from '../ingress/fulfilment-ingress.service';
import { OrderPlacementService } from '../ingress/order-placement.service';
import { PaymentIngressService } from '../ingress/payment-ingress.service';
import { PaymentRoutingRepository } from '../ingress/payment-routing.repository';
import { consumedRecord, newRunId, orderRecords } from '../testing/ingress-records';
import { testLogger } from '../testing/silent-logger';
import { CommittedOrderCache } from './committed-order.cache';
import { OrderCommandService } from './order-command.service';
import { OrderSnapshotRepository } from './order-snapshot.repository';
import { foldStream, OrderStreamRepository } from './order-stream.repository';
import { RejectedCommandRepository } from './rejected-command.repository';
import { TransactionOrderCache } from './transaction-order.cache';

/** Snapshots are a cache of a replay: an order read through one must equal the full replay, always. */
describe('order snapshots (real PostgreSQL)', () => {
  let db: TestSchema;
  let store: EventStore;
  let reads: Array<ReadStreamOptions | undefined>;
  let placement: OrderPlacementService;
  let payments: PaymentIngressService;
  let fulfilment: FulfilmentIngressService;
  const runId = newRunId();

  beforeAll(async () => {
    db = await createTestSchema('order_snapshots');
    await migrateOrderService(db.pool, db.schema);
    store = new EventStore(db.pool);
    // Which part of the stream each read asked for: a snapshot read must skip what it covers.
    const readStream = store.readStream.bind(store);
    store.readStream = (streamId, options, client) => {
      reads.push(options);
      return readStream(streamId, options, client);
    };
    const orders = new OrderCommandService(store, new OrderStreamRepository(store), new TransactionOrderCache(), new CommittedOrderCache(), new RejectedCommandRepository(), testLogger());
    payments = new PaymentIngressService(new PaymentRoutingRepository(), orders, testLogger());
    placement = new OrderPlacementService(orders, payments, 'PT24H');
    fulfilment = new FulfilmentIngressService(orders);
  });
  beforeEach(() => (reads = []));
  afterAll(() => db.drop());

  /** An order taken from placement to ready to dispatch, one message per transaction. */
  async function orderReadyToDispatch(n: number): Promise<string> {
    const order = orderRecords(runId, n);
    const steps: Array<(client: never) => Promise<void>> = [
      (client) => placement.handle(consumedRecord(Topics.ingressOrders, 'ChannelOrder', order.channelOrder, `co-${n}`), client),
      (client) => payments.handle(consumedRecord(Topics.ingressPayments, 'PaymentNotification', order.notification, `pn-${n}`), client),
      (client) => payments.handle(consumedRecord(Topics.ingressPayments, 'PaymentConfirmation', order.confirmation, `pc-${n}`), client),
      (client) => fulfilment.confirmInvoice(consumedRecord(Topics.ingressInvoices, 'InvoiceConfirmation', order.invoice, `inv-${n}`), client),
      (client) => fulfilment.reserveInventory(consumedRecord(Topics.fulfillmentEvents, 'InventoryReservationResult', order.reservation(`R-${n}`), `res-${n}`), client),
    ];
    for (const step of steps) await withTransaction(db.pool, (client) => step(client as never));
    return order.orderId;
  }

  it('reads an order from its snapshot plus the events after it, equal to the full replay', async () => {
    const orderId = await orderReadyToDispatch(1);
    const full = await new OrderStreamRepository(store).load(orderId);
    expect(full.state.status).toBe('ready_to_dispatch');
    const snapshots = new OrderSnapshotRepository(db.pool);
    const streams = new OrderStreamRepository(store, { snapshots, every: 4 });

    // A read in a transaction that replays 4 events or more leaves a snapshot at the head.
    reads = [];
    expect(await withTransaction(db.pool, (client) => streams.load(orderId, client))).toEqual(full);
    expect(reads).toEqual([undefined]);
    const { rows } = await db.pool.query<{ stream_version: number }>('SELECT stream_version FROM order_snapshots WHERE order_id = $1', [orderId]);
    expect(rows).toEqual([{ stream_version: full.state.version }]);

    // The next read replays only what follows the snapshot — nothing yet — and is still the full replay.
    reads = [];
    expect(await streams.load(orderId)).toEqual(full);
    expect(reads).toEqual([{ fromVersion: full.state.version + 1 }]);
  });

  it('replays events appended after the snapshot on top of it', async () => {
    const orderId = await orderReadyToDispatch(2);
    const snapshots = new OrderSnapshotRepository(db.pool);
    // A snapshot as an early read would have left it: the order placed and notified (v2); more events follow.
    const firstTwo = (await store.readStream(orderId)).slice(0, 2);
    await withTransaction(db.pool, (client) => snapshots.save(foldStream(orderId, firstTwo), client));
    const full = await new OrderStreamRepository(store).load(orderId);
    expect(full.state.version).toBeGreaterThan(2);

    reads = [];
    expect(await new OrderStreamRepository(store, { snapshots, every: 100 }).load(orderId)).toEqual(full);
    expect(reads).toEqual([{ fromVersion: 3 }]);
  });

  it('ignores a snapshot of another layout version and replays the whole stream', async () => {
    const orderId = await orderReadyToDispatch(3);
    const snapshots = new OrderSnapshotRepository(db.pool);
    const streams = new OrderStreamRepository(store, { snapshots, every: 1 });
    await withTransaction(db.pool, (client) => streams.load(orderId, client));
    await db.pool.query(`UPDATE order_snapshots SET snapshot = jsonb_set(snapshot, '{order,snapshotVersion}', '0') WHERE order_id = $1`, [orderId]);
    reads = [];
    expect(await streams.load(orderId)).toEqual(await new OrderStreamRepository(store).load(orderId));
    expect(reads[0]).toBeUndefined();
  });
});
