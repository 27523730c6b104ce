import { randomUUID } from 'node:crypto';
import { EventStore } from '@oms/event-store';
import { withTransaction } from '@oms/postgres';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { migrateOrderService } from '../database/all-migrations';
import { decodeOrderEvent } from '../mapping/order-event.mapper';
import { cmd } from '../testing/order-command.builders';
import { testLogger } from '../testing/silent-logger';
import { CommittedOrderCache } from './committed-order.cache';
import { OrderCommandService } from './order-command.service';
import { OrderStreamRepository } from './order-stream.repository';
import { PaymentTimeoutSweeper } from './payment-timeout.sweeper';
import { RejectedCommandRepository } from './rejected-command.repository';
import { TransactionOrderCache } from './transaction-order.cache';

describe('PaymentTimeoutSweeper (real PostgreSQL)', () => {
  let db: TestSchema;
  let store: EventStore;
  let orders: OrderCommandService;

  beforeAll(async () => {
    db = await createTestSchema('order_timeout');
    await migrateOrderService(db.pool, db.schema);
    store = new EventStore(db.pool);
    orders = new OrderCommandService(store, new OrderStreamRepository(store), new TransactionOrderCache(), new CommittedOrderCache(), new RejectedCommandRepository(), testLogger());
  });
  afterAll(() => db.drop());

  const run = (command: Parameters<OrderCommandService['execute']>[0]['command']) =>
    withTransaction(db.pool, (client) => orders.execute({ command, metadata: {}, source: 'test' }, client));

  it('raises one review item for a notification the transaction query never confirmed, and leaves paid orders alone', async () => {
    const [waiting, paid] = [randomUUID(), randomUUID()];
    for (const orderId of [waiting, paid]) {
      await run(cmd.placeOrder({ orderId }));
      await run(cmd.notification({ orderId }));
    }
    await run(cmd.confirmation({ orderId: paid }));
    const sweeper = new PaymentTimeoutSweeper(db.pool, orders, testLogger(), 'PT15M');

    expect(await sweeper.sweepOnce()).toBe(0); // recorded just now: not overdue yet
    expect(await sweeper.sweepOnce(Date.now() + 16 * 60_000)).toBe(1); // only the unpaid one
    const events = (await store.readStream(waiting)).map((stored) => decodeOrderEvent(stored.payload).event);
    expect(events.map((event) => event.type)).toEqual(['OrderPlaced', 'PaymentNotificationAccepted', 'ReviewItemRaised']);
    expect(events[2]).toMatchObject({ data: { cause: 'PAYMENT_CONFIRMATION_OVERDUE' } });
    expect((await store.readStream(paid)).map((stored) => stored.type)).not.toContain('ReviewItemRaised');
  });
});
