import type { PoolClient } from 'pg';
import { decode, encode, Topics, type DecodedRecord, type OutgoingMessage, type RecordName, type RecordTypes } from '@oms/contracts';
import { EventStore } from '@oms/event-store';
import { InProcessBus, PostgresInboxStore, type Subscription, type WriteBehind } from '@oms/messaging';
import { withTransaction } from '@oms/postgres';
import { createTestSchema, waitFor, type TestSchema } from '@oms/testing';
import { migrateOrderService } from '../database/all-migrations';
import { OrderCommandService } from '../orders/order-command.service';
import { OrderStreamRepository } from '../orders/order-stream.repository';
import { RejectedCommandRepository } from '../orders/rejected-command.repository';
import { CommittedOrderCache } from '../orders/committed-order.cache';
import { TransactionOrderCache } from '../orders/transaction-order.cache';
import { consumedRecord, newRunId, orderRecords } from '../testing/ingress-records';
import { testLogger } from '../testing/silent-logger';
import { FulfilmentIngressService } from './fulfilment-ingress.service';
import { OrderPlacementService } from './order-placement.service';
import { PaymentIngressService } from './payment-ingress.service';
import { chunkWriteBehind } from './chunk-write-behind';
import { ParkedPaymentSweeper } from './parked-payment.sweeper';
import { PaymentRoutingRepository } from './payment-routing.repository';

/** The ingress services on the in-process bus with a real PostgreSQL inbox: same processing model as Kafka. */
describe('ingress translation (in-process bus, real PostgreSQL)', () => {
  let db: TestSchema;
  let bus: InProcessBus<PoolClient>;
  let store: EventStore;
  let subscription: Subscription;
  let placement: OrderPlacementService;
  let sweeper: ParkedPaymentSweeper;
  let payments: PaymentIngressService;
  let writeBehind: WriteBehind<PoolClient>;
  const runId = newRunId();
  const rejected = new RejectedCommandRepository();

  beforeAll(async () => {
    db = await createTestSchema('order_ingress');
    await migrateOrderService(db.pool, db.schema);
    store = new EventStore(db.pool);
    const logger = testLogger();
    const committed = new CommittedOrderCache();
    const orders = new OrderCommandService(store, new OrderStreamRepository(store), new TransactionOrderCache(), committed, rejected, logger);
    const routing = new PaymentRoutingRepository();
    payments = new PaymentIngressService(routing, orders, logger);
    writeBehind = chunkWriteBehind(store, committed, payments);
    placement = new OrderPlacementService(orders, payments, 'PT24H');
    sweeper = new ParkedPaymentSweeper(db.pool, routing, payments, logger);
    const fulfilment = new FulfilmentIngressService(orders);
    const handlers: Record<string, (message: never, tx: PoolClient) => Promise<void>> = {
      [Topics.ingressOrders]: (message, tx) => placement.handle(message, tx),
      [Topics.ingressPayments]: (message, tx) => payments.handle(message, tx),
      [Topics.ingressInvoices]: (message, tx) => fulfilment.confirmInvoice(message, tx),
      [Topics.fulfillmentEvents]: (message, tx) => fulfilment.reserveInventory(message, tx),
    };
    bus = new InProcessBus({ inbox: new PostgresInboxStore(db.pool) });
    await bus.ensureTopics(Object.keys(handlers).map((topic) => ({ topic, partitions: 4 })));
    subscription = await bus.subscribe<DecodedRecord>({
      groupId: 'order-service',
      topics: Object.keys(handlers),
      decode: (bytes) => decode(bytes),
      handler: (message, tx) => handlers[message.topic]!(message as never, tx),
      // As the service runs: chunks hold their routing and appends back until just before COMMIT.
      writeBehind,
    });
  });
  afterAll(async () => {
    await subscription.close();
    await bus.close();
    await db.drop();
  });

  function message<N extends RecordName>(topic: string, key: string, recordName: N, value: RecordTypes[N], messageId: string): OutgoingMessage {
    return { topic, key, value: encode(recordName, value), headers: { 'message-id': messageId, 'correlation-id': `corr-${key}` } };
  }
  const types = async (orderId: string) => (await store.readStream(orderId)).map((event) => event.type);

  it('keeps payments that arrive before their order, and decides them when it is placed', async () => {
    const order = orderRecords(runId, 1);
    const outTradeNo = order.notification.outTradeNo;
    await bus.producer.send([
      message(Topics.ingressPayments, outTradeNo, 'PaymentNotification', order.notification, 'pn-1'),
      message(Topics.ingressPayments, outTradeNo, 'PaymentConfirmation', order.confirmation, 'pc-1'),
    ]);
    await waitFor('both payment facts parked', async () => (await db.pool.query('SELECT 1 FROM parked_payment_facts WHERE out_trade_no = $1', [outTradeNo])).rowCount === 2);
    await bus.producer.send([message(Topics.ingressOrders, `MINI_PROGRAM:${order.channelOrder.channelOrderId}`, 'ChannelOrder', order.channelOrder, 'co-1')]);
    await waitFor('the order paid', async () => (await types(order.orderId)).includes('OrderPaid'));
    expect(await types(order.orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'PaymentConfirmed', 'OrderPaid', 'InventoryReservationRequested']);
    expect((await db.pool.query('SELECT 1 FROM parked_payment_facts WHERE out_trade_no = $1', [outTradeNo])).rowCount).toBe(0);
  });

  it('hands a payment parked while its order was being placed (after the order drained the parking) to the order once both committed', async () => {
    const order = orderRecords(runId, 11);
    const outTradeNo = order.notification.outTradeNo;
    const placing = await db.pool.connect();
    try {
      await placing.query('BEGIN');
      // The order's transaction places it and drains the parking (empty), and stays open.
      await placement.handle(consumedRecord(Topics.ingressOrders, 'ChannelOrder', order.channelOrder, 'co-11'), placing);
      // Meanwhile both payment facts arrive; they must not wait for the open transaction.
      await bus.producer.send([
        message(Topics.ingressPayments, outTradeNo, 'PaymentNotification', order.notification, 'pn-11'),
        message(Topics.ingressPayments, outTradeNo, 'PaymentConfirmation', order.confirmation, 'pc-11'),
      ]);
      await waitFor('both payment facts parked', async () => (await db.pool.query('SELECT 1 FROM parked_payment_facts WHERE out_trade_no = $1', [outTradeNo])).rowCount === 2);
      await placing.query('COMMIT');
    } finally {
      placing.release();
    }
    expect(await types(order.orderId)).toEqual(['OrderPlaced']);
    expect(await sweeper.sweepOnce()).toBe(1);
    expect(await types(order.orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'PaymentConfirmed', 'OrderPaid', 'InventoryReservationRequested']);
    expect((await db.pool.query('SELECT 1 FROM parked_payment_facts WHERE out_trade_no = $1', [outTradeNo])).rowCount).toBe(0);
    expect(await sweeper.sweepOnce()).toBe(0);
  });

  it('accepts a notification sent five times (new and repeated message ids) exactly once, and an order sent twice once', async () => {
    const order = orderRecords(runId, 2);
    const key = `MINI_PROGRAM:${order.channelOrder.channelOrderId}`;
    await bus.producer.send([message(Topics.ingressOrders, key, 'ChannelOrder', order.channelOrder, 'co-2'), message(Topics.ingressOrders, key, 'ChannelOrder', order.channelOrder, 'co-2-resent')]);
    await waitFor('the order placed', async () => (await types(order.orderId)).length > 0);
    const outTradeNo = order.notification.outTradeNo;
    const ids = ['pn-2a', 'pn-2b', 'pn-2a', 'pn-2c', 'pn-2b'];
    await bus.producer.send(ids.map((id) => message(Topics.ingressPayments, outTradeNo, 'PaymentNotification', order.notification, id)));
    await bus.producer.send([message(Topics.ingressPayments, outTradeNo, 'PaymentConfirmation', order.confirmation, 'pc-2')]);
    await waitFor('the order paid', async () => (await types(order.orderId)).includes('OrderPaid'));
    expect(await types(order.orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'PaymentConfirmed', 'OrderPaid', 'InventoryReservationRequested']);
  });

  describe('a chunk holding its payments back to its flush', () => {
    /** Runs `work` as a consumer chunk does: held-back writes, flushed just before COMMIT. */
    const asChunk = (work: (client: PoolClient) => Promise<void>) =>
      withTransaction(db.pool, async (client) => {
        writeBehind.begin(client);
        try {
          await work(client);
          await writeBehind.flush(client);
        } finally {
          writeBehind.end(client);
        }
      });
    type Order = ReturnType<typeof orderRecords>;
    const notification = (order: Order, id: string) => consumedRecord(Topics.ingressPayments, 'PaymentNotification', order.notification, id);
    const confirmation = (order: Order, id: string) => consumedRecord(Topics.ingressPayments, 'PaymentConfirmation', order.confirmation, id);
    const channelOrder = (order: Order, id: string) => consumedRecord(Topics.ingressOrders, 'ChannelOrder', order.channelOrder, id);
    const parkedCount = async (outTradeNo: string, client: PoolClient | typeof db.pool = db.pool) => (await client.query('SELECT 1 FROM parked_payment_facts WHERE out_trade_no = $1', [outTradeNo])).rowCount;

    it('decides payments that came before their order in the same chunk at the flush, in order, without parking them', async () => {
      const order = orderRecords(runId, 21);
      const outTradeNo = order.notification.outTradeNo;
      await asChunk(async (client) => {
        await payments.handle(notification(order, 'pn-21'), client);
        await payments.handle(confirmation(order, 'pc-21'), client);
        await placement.handle(channelOrder(order, 'co-21'), client);
        expect(await parkedCount(outTradeNo, client)).toBe(0);
      });
      expect(await types(order.orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'PaymentConfirmed', 'OrderPaid', 'InventoryReservationRequested']);
      expect(await parkedCount(outTradeNo)).toBe(0);
    });

    it('drains a fact parked by an earlier transaction along with the chunk’s own payment of that order', async () => {
      const order = orderRecords(runId, 22);
      const outTradeNo = order.notification.outTradeNo;
      await asChunk((client) => payments.handle(notification(order, 'pn-22'), client));
      expect(await parkedCount(outTradeNo)).toBe(1);
      await asChunk(async (client) => {
        await payments.handle(confirmation(order, 'pc-22'), client);
        await placement.handle(channelOrder(order, 'co-22'), client);
      });
      expect(await types(order.orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'PaymentConfirmed', 'OrderPaid', 'InventoryReservationRequested']);
      expect(await parkedCount(outTradeNo)).toBe(0);
    });

    it('keeps an out_trade_no’s facts in arrival order when a chunk that registered its order rolls back and runs again', async () => {
      const order = orderRecords(runId, 24);
      await asChunk((client) => payments.handle(notification(order, 'pn-24'), client));
      const chunk = async (client: PoolClient) => {
        await placement.handle(channelOrder(order, 'co-24'), client);
        await payments.handle(confirmation(order, 'pc-24'), client);
      };
      // The first run registers the order's route at its flush, then rolls back (a conflict found later, say).
      await expect(
        asChunk(async (client) => {
          await chunk(client);
          await writeBehind.flush(client);
          throw new Error('rolled back after the flush');
        }),
      ).rejects.toThrow('rolled back after the flush');
      expect(await types(order.orderId)).toEqual([]);
      // The run again must not take the route the rolled-back run saw: the parked notification goes first.
      await asChunk(chunk);
      expect(await types(order.orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'PaymentConfirmed', 'OrderPaid', 'InventoryReservationRequested']);
    });

    it('parks, in arrival order, the payments whose order is still unknown at the flush', async () => {
      const order = orderRecords(runId, 23);
      const outTradeNo = order.notification.outTradeNo;
      await asChunk(async (client) => {
        await payments.handle(confirmation(order, 'pc-23'), client);
        await payments.handle(notification(order, 'pn-23'), client);
      });
      const parked = await db.pool.query<{ message_id: string }>('SELECT message_id FROM parked_payment_facts WHERE out_trade_no = $1 ORDER BY seq', [outTradeNo]);
      expect(parked.rows.map((row) => row.message_id)).toEqual(['pc-23', 'pn-23']);
    });
  });

  describe('a chunk whose held-back appends rest on a stale belief', () => {
    it('re-reads an order another instance moved on since this one last saw it, and decides again', async () => {
      const order = orderRecords(runId, 12);
      const outTradeNo = order.notification.outTradeNo;
      await bus.producer.send([message(Topics.ingressOrders, `MINI_PROGRAM:${order.channelOrder.channelOrderId}`, 'ChannelOrder', order.channelOrder, 'co-12')]);
      await waitFor('the order placed', async () => (await types(order.orderId)).length === 1);
      // Another instance (its own memory) accepts the notification: this instance still holds the order at v1.
      const otherStore = new EventStore(db.pool);
      const otherOrders = new OrderCommandService(otherStore, new OrderStreamRepository(otherStore), new TransactionOrderCache(), new CommittedOrderCache(), rejected, testLogger());
      const otherPayments = new PaymentIngressService(new PaymentRoutingRepository(), otherOrders, testLogger());
      await withTransaction(db.pool, (client) => otherPayments.handle(consumedRecord(Topics.ingressPayments, 'PaymentNotification', order.notification, 'pn-12'), client));
      await bus.producer.send([message(Topics.ingressPayments, outTradeNo, 'PaymentConfirmation', order.confirmation, 'pc-12')]);
      await waitFor('the order paid', async () => (await types(order.orderId)).includes('OrderPaid'));
      expect(await types(order.orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'PaymentConfirmed', 'OrderPaid', 'InventoryReservationRequested']);
      expect(await store.verify(order.orderId)).toMatchObject({ ok: true, eventsChecked: 5 });
    });

    it('recognises an order re-sent in a later chunk (assumed new, found existing) as the same order', async () => {
      const order = orderRecords(runId, 13);
      const key = `MINI_PROGRAM:${order.channelOrder.channelOrderId}`;
      await bus.producer.send([message(Topics.ingressOrders, key, 'ChannelOrder', order.channelOrder, 'co-13')]);
      await waitFor('the order placed', async () => (await types(order.orderId)).length === 1);
      await bus.producer.send([message(Topics.ingressOrders, key, 'ChannelOrder', order.channelOrder, 'co-13-resent')]);
      const handled = await waitFor('the re-sent order handled', async () => (await db.pool.query<{ outcome: string }>("SELECT outcome FROM messaging_inbox WHERE message_id = 'co-13-resent'")).rows[0]);
      expect(handled.outcome).not.toBe('dead-lettered');
      await bus.producer.send([message(Topics.ingressPayments, order.notification.outTradeNo, 'PaymentNotification', order.notification, 'pn-13')]);
      await waitFor('the notification accepted', async () => (await types(order.orderId)).includes('PaymentNotificationAccepted'));
      expect(await types(order.orderId)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted']);
      expect(await rejected.forOrder(db.pool, order.orderId)).toEqual([]);
    });
  });

  it('keeps an invoice for an order that does not exist in rejected_commands', async () => {
    const order = orderRecords(runId, 3);
    await bus.producer.send([message(Topics.ingressInvoices, order.orderId, 'InvoiceConfirmation', order.invoice, 'inv-3')]);
    await waitFor('the refusal recorded', async () => (await rejected.forOrder(db.pool, order.orderId)).length === 1);
    expect(await rejected.forOrder(db.pool, order.orderId)).toEqual([
      { command: 'ConfirmInvoice', code: 'ILLEGAL_TRANSITION', reason: 'Cannot ConfirmInvoice when order is not_placed', source: Topics.ingressInvoices },
    ]);
    expect(await types(order.orderId)).toEqual([]);
  });
});
