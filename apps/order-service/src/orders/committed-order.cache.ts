import type { LoadedOrder } from './loaded-order';
import type { TransactionOrders } from './transaction-order.cache';

/** Orders kept; at 1,000 orders/s an order lives a few seconds in the hot path. */
const DEFAULT_LIMIT = 50_000;

/**
 * Orders as of their last committed transaction in this process, so the next message for an
 * order usually needs no stream read. Only committed states enter (a transaction's orders, once
 * `OrderCommandService` hears it committed), so a rolled-back state never does. A state may
 * still be behind (another instance or an HTTP change wrote since): appending at its version then
 * fails the store's version check and the order is re-read — and a decision that appends nothing
 * (a repeat) is never trusted to a cached state, since no version check would catch it.
 */
export class CommittedOrderCache {
  private readonly orders = new Map<string, LoadedOrder>();
  /** Orders whose state here — or the assumption that they are new — proved wrong: read them from their stream. */
  private readonly stale = new Set<string>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  get(orderId: string): LoadedOrder | undefined {
    return this.orders.get(orderId);
  }

  forget(orderId: string): void {
    this.orders.delete(orderId);
  }

  /**
   * What this process believed about the order proved wrong (an append at its version failed):
   * forget its state, and do not assume it is new either, until a committed state is promoted.
   */
  markStale(orderId: string): void {
    this.orders.delete(orderId);
    this.stale.add(orderId);
    if (this.stale.size > this.limit) this.stale.delete(this.stale.values().next().value as string);
  }

  /** True while the order must be read from its stream (see {@link markStale}). */
  isStale(orderId: string): boolean {
    return this.stale.has(orderId);
  }

  /** Takes the orders of a committed transaction. */
  promote(transaction: TransactionOrders): void {
    for (const order of transaction.orders.values()) {
      const known = this.orders.get(order.orderId);
      this.stale.delete(order.orderId);
      if (known && known.state.version > order.state.version) continue;
      this.orders.delete(order.orderId); // re-insert: Map order is the recency order
      this.orders.set(order.orderId, order);
    }
    for (const oldest of this.orders.keys()) {
      if (this.orders.size <= this.limit) break;
      this.orders.delete(oldest);
    }
  }
}
