import type { PoolClient } from 'pg';
import { CheckoutScoped, onUndo } from '@oms/postgres';
import type { LoadedOrder } from './loaded-order';

/** The orders one transaction has loaded or written. */
export interface TransactionOrders {
  readonly orders: Map<string, LoadedOrder>;
  /** Set once their promotion on commit is registered (`OrderCommandService`). */
  promotes: boolean;
}

/**
 * Orders already loaded or written in the current transaction, so a batch holding several
 * messages for one order (a notification and its query answer) reads its stream once.
 *
 * Keyed by the transaction's client and valid only for that checkout: a rolled-back transaction
 * must never leak a state its events did not survive into the next one (a replay would then see
 * its own facts as "already known" and do nothing). Inside the transaction, a rollback to a
 * message's savepoint brings back the states from before that message ({@link set}); callers
 * also {@link forget} an order whose command failed.
 */
export class TransactionOrderCache {
  private readonly entries = new CheckoutScoped<TransactionOrders>();

  get(client: PoolClient, orderId: string): LoadedOrder | undefined {
    return this.current(client)?.orders.get(orderId);
  }

  /**
   * Keeps `order` for the rest of the transaction — unless the work that produced it is rolled
   * back to the message's savepoint (a handler failing after its decision), which brings the
   * order's previous state back: deciding again on a state whose events were undone would see
   * the message as a repeat and record nothing.
   */
  set(client: PoolClient, order: LoadedOrder): void {
    const { orders } = this.of(client);
    const previous = orders.get(order.orderId);
    orders.set(order.orderId, order);
    onUndo(client, () => (previous ? orders.set(order.orderId, previous) : orders.delete(order.orderId)));
  }

  forget(client: PoolClient, orderId: string): void {
    this.current(client)?.orders.delete(orderId);
  }

  /** The transaction's orders (created empty), to hand to {@link CommittedOrderCache.promote} once it committed. */
  of(client: PoolClient): TransactionOrders {
    return this.entries.get(client) ?? this.entries.set(client, { orders: new Map(), promotes: false });
  }

  private current(client: PoolClient): TransactionOrders | undefined {
    return this.entries.get(client);
  }
}
