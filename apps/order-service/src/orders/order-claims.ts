import type { PoolClient } from 'pg';
import { CheckoutScoped, onSettled } from '@oms/postgres';

/** The longest a transaction waits for another one holding an order before it goes on regardless. */
const DEFAULT_MAX_WAIT_MS = 1_000;

/** One open transaction's claims, and whom it waits for. */
interface Claimant {
  readonly orders: Set<string>;
  waitingFor: Claimant | undefined;
  readonly settled: Promise<void>;
  settle(): void;
}

/**
 * Orders an open transaction of this process has decided on, so another one wanting the same
 * order waits for it to end instead of racing it. HTTP changes, the sweeps and — with
 * `KAFKA_MERGE_PARTITIONS=false` — the chunks of one order's topics (channel order, payments,
 * invoice, reservation answer) run side by side; two that decide on one order at once make one
 * of them fail at its flush — on the stale version, or on the younger transaction that appended
 * first — and run again whole. Waiting costs the wait; racing cost the whole chunk, often twice.
 *
 * Never a deadlock: a transaction does not wait for one that waits, directly or through others,
 * for it — it then goes on as before and the event store's version check decides. A wait ends
 * after `maxWaitMs` whatever happens, and a row wait in PostgreSQL after the service's
 * `lock_timeout` (consumer chunks write their appends only at the flush; HTTP changes, sweeps
 * and isolated re-runs write at once). Claims are
 * taken only on transactions whose owner reports their end (`onSettled`).
 */
export class OrderClaims {
  private readonly holders = new Map<string, Claimant>();
  private readonly claimants = new CheckoutScoped<Claimant>();

  constructor(private readonly maxWaitMs = DEFAULT_MAX_WAIT_MS) {}

  /**
   * Claims `orderId` for the transaction on `client`, first waiting for another transaction of
   * this process that holds it to end. Answers whether it waited: the order has then moved on,
   * and no state this process kept of it may be trusted.
   */
  async claim(client: PoolClient, orderId: string): Promise<boolean> {
    const mine = this.claimantOf(client);
    if (!mine) return false;
    let waited = false;
    for (let holder = this.holders.get(orderId); holder && holder !== mine; holder = this.holders.get(orderId)) {
      if (waitsFor(holder, mine) || !(await this.waitFor(mine, holder))) break;
      waited = true;
    }
    if (!this.holders.has(orderId)) {
      this.holders.set(orderId, mine);
      mine.orders.add(orderId);
    }
    return waited;
  }

  /** Waits for `holder` to end, at most `maxWaitMs`; answers false when the time ran out. */
  private async waitFor(mine: Claimant, holder: Claimant): Promise<boolean> {
    mine.waitingFor = holder;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), this.maxWaitMs)));
    try {
      return !(await Promise.race([holder.settled.then(() => false), timedOut]));
    } finally {
      clearTimeout(timer);
      mine.waitingFor = undefined;
    }
  }

  /** The transaction's claimant, registered to release its claims when it ends; none for an untracked connection. */
  private claimantOf(client: PoolClient): Claimant | undefined {
    const known = this.claimants.get(client);
    if (known) return known;
    let settle = (): void => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const claimant: Claimant = { orders: new Set(), waitingFor: undefined, settled, settle };
    if (!onSettled(client, () => this.release(claimant))) return undefined;
    return this.claimants.set(client, claimant);
  }

  private release(claimant: Claimant): void {
    for (const orderId of claimant.orders) if (this.holders.get(orderId) === claimant) this.holders.delete(orderId);
    claimant.settle();
  }
}

/** True when `waiter` waits for `target`, directly or through a chain of waiting transactions. */
function waitsFor(waiter: Claimant, target: Claimant): boolean {
  for (let current: Claimant | undefined = waiter; current; current = current.waitingFor) if (current === target) return true;
  return false;
}
