import { randomUUID } from 'node:crypto';
import { encode, type RecordName, type RecordTypes } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import { EventStore } from '@oms/event-store';
import { createTestSchema, waitFor, type TestSchema } from '@oms/testing';
import { migrateOrderService } from '../../database/all-migrations';
import { CommittedOrderCache } from '../../orders/committed-order.cache';
import { OrderStreamRepository } from '../../orders/order-stream.repository';
import { testLogger } from '../../testing/silent-logger';
import { SkuCatalogStore } from '../catalog/sku-catalog.store';
import { DispatchTrailWriter } from '../trail/dispatch-trail.writer';
import { DispatchDecisionWorker } from './dispatch-decision.worker';
import { DispatchPlanner } from './dispatch-planner.service';
import { PendingDecisionRepository } from './pending-decision.repository';
import { PlanVersionRepository } from './plan-version.repository';
import { ReadyOrdersFeed } from './ready-orders.feed';
import { ReplanService } from './replan.service';

const WINDOW_MS = 30_000;

/** The history of an order that became ready at `readyAt` (contract fixtures, this order's ids). */
async function appendReadyOrder(store: EventStore, orderId: string, customerId: string, readyAt: number): Promise<void> {
  const head = { orderId, occurredAt: readyAt, occurredAtText: new Date(readyAt).toISOString() };
  const record = <N extends RecordName>(name: N, overrides: Partial<RecordTypes[N]> = {}) => ({ name, value: { ...recordFixture(name, overrides), ...head } });
  const history = [
    record('OrderPlaced', { customerId, channelCreatedAt: readyAt - 60_000, lines: recordFixture('OrderPlaced').lines.map((line) => ({ ...line, sku: 'SKU-GLASSES' })) }),
    record('PaymentNotificationAccepted'), record('PaymentConfirmed'), record('OrderPaid'), record('InventoryReservationRequested'),
    record('InventoryReserved'), record('InvoiceConfirmed'), record('OrderReadyToDispatch', { decisionDeadline: readyAt + WINDOW_MS }),
  ];
  await store.append(orderId, 0, history.map(({ name, value }) => ({ eventId: randomUUID(), type: name, payload: encode(name, value as RecordTypes[typeof name]), occurredAt: readyAt })));
}

/** The decision window is a table, not a timer: a restarted service decides what the stopped one left pending. */
describe('dispatch decision window (real PostgreSQL)', () => {
  let db: TestSchema;
  let store: EventStore;

  /** One "service instance": its own objects over the same database, as after a restart. */
  function instance() {
    const streams = new OrderStreamRepository(store);
    const pending = new PendingDecisionRepository();
    const catalog = new SkuCatalogStore(db.pool);
    const planner = new DispatchPlanner(catalog, new PlanVersionRepository(), pending, new DispatchTrailWriter(store, streams, new CommittedOrderCache()), 'int-test', testLogger());
    const versions = new PlanVersionRepository();
    const replans = new ReplanService(db.pool, store, streams, versions, pending, planner);
    const worker = new DispatchDecisionWorker(db.pool, new ReadyOrdersFeed(db.pool, store, pending, WINDOW_MS), pending, streams, planner, replans, testLogger());
    return { worker, catalog };
  }
  const pendingStatuses = async () => (await db.pool.query<{ status: string }>('SELECT status FROM dispatch_pending ORDER BY order_id')).rows.map((row) => row.status);
  const typesOf = async (orderId: string) => (await store.readStream(orderId)).map((event) => event.type);

  beforeAll(async () => {
    db = await createTestSchema('dispatch_window');
    await migrateOrderService(db.pool, db.schema);
    store = new EventStore(db.pool);
    const result = await instance().catalog.apply({ kind: 'IMPORT', source: 'TEST', changeId: 'c1', changedBy: 'ops', changedAt: Date.now(), reason: 'test', entries: [
      { sku: 'SKU-GLASSES', warehouseId: 'WH-OWN-HZ', slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false },
    ] });
    expect(result.ok).toBe(true);
  });
  afterAll(() => db.drop());

  it('waits out the window, survives a restart, plans the waiting related order with it, and decides once', async () => {
    const readyAt = Date.now();
    const [first, second] = [`o-${randomUUID()}`, `o-${randomUUID()}`];
    await appendReadyOrder(store, first, 'cust-1', readyAt);
    await appendReadyOrder(store, second, 'cust-1', readyAt + 10_000);

    const before = instance();
    // The log tail reads only below the database's oldest open transaction: poll until it has both.
    await waitFor('both ready orders in the decision window', async () => {
      expect(await before.worker.runOnce(readyAt + WINDOW_MS - 1)).toBe(0); // still inside the window: nothing decided
      return (await pendingStatuses()).length === 2;
    });
    // "Restart": a new instance, nothing carried over but the database.
    const after = instance();
    expect(await after.worker.runOnce(readyAt + WINDOW_MS - 1)).toBe(0);
    expect(await after.worker.runOnce(readyAt + WINDOW_MS)).toBe(1);
    expect(await typesOf(first)).toContain('DispatchProposed');
    expect(await typesOf(second)).toContain('DispatchProposed'); // related, ready, still waiting: planned with it
    expect(await after.worker.runOnce(readyAt + 2 * WINDOW_MS)).toBe(0);
    expect((await store.readStream(first)).filter((event) => event.type === 'DispatchProposed')).toHaveLength(1);
    expect(await pendingStatuses()).toEqual(['PROPOSED', 'PROPOSED']);
  });

  it('decides a backlog of many customers in batches, each order once, with two instances deciding at once', async () => {
    const readyAt = Date.now();
    const customers = Array.from({ length: 30 }, (_, index) => `cust-backlog-${index}`);
    // Every third customer has two ready orders (related: planned together), the others one.
    const orders = customers.flatMap((customerId, index) => (index % 3 === 0 ? [`o-${randomUUID()}`, `o-${randomUUID()}`] : [`o-${randomUUID()}`]).map((orderId) => ({ orderId, customerId })));
    for (const { orderId, customerId } of orders) await appendReadyOrder(store, orderId, customerId, readyAt);
    const statusesOf = async () => (await db.pool.query<{ status: string }>('SELECT status FROM dispatch_pending WHERE order_id = ANY($1)', [orders.map((order) => order.orderId)])).rows.map((row) => row.status);
    const [first, second] = [instance(), instance()];
    await waitFor('the backlog in the decision window', async () => {
      expect(await first.worker.runOnce(readyAt)).toBe(0);
      return (await statusesOf()).length === orders.length;
    });

    const decided = await Promise.all([first.worker.runOnce(readyAt + 2 * WINDOW_MS), second.worker.runOnce(readyAt + 2 * WINDOW_MS)]);
    // A customer's orders claimed by both instances at once may be planned apart (documented), never twice.
    expect(decided[0] + decided[1]).toBeGreaterThanOrEqual(customers.length);
    expect(decided[0] + decided[1]).toBeLessThanOrEqual(orders.length);
    for (const { orderId } of orders) expect((await typesOf(orderId)).filter((type) => type === 'DispatchProposed')).toHaveLength(1);
    expect(await statusesOf()).toEqual(orders.map(() => 'PROPOSED'));
    expect(await first.worker.runOnce(readyAt + 3 * WINDOW_MS)).toBe(0);
  });
});
