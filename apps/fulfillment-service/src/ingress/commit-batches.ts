import type { PoolClient } from 'pg';
import type { WriteBehind } from '@oms/messaging';
import { CheckoutScoped } from '@oms/postgres';

/** Writes a batch of deferred items in the transaction about to commit. */
export type BatchFlush<T> = (items: T[], tx: PoolClient) => Promise<unknown>;

interface Batch {
  items: unknown[];
  flush: BatchFlush<unknown>;
}

/**
 * Work a message handler defers to the end of its chunk's transaction, so that a chunk of Kafka
 * records is written with a few multi-row statements instead of a few statements per record
 * (CONVENTIONS.md: "commits are the budget"; round trips are the next one). It is the messaging
 * layer's `writeBehind` of the subscription: `begin` before the chunk's first record, `flush`
 * after its last and before COMMIT (the deferred writes commit atomically with the inbox rows and
 * the offsets), `end` whatever happened.
 *
 * A transaction with no open batch (a chunk re-running with a savepoint per message to pin a
 * failure on its message, a subscription without this `writeBehind`) takes nothing: `add`
 * answers false and the caller does the work at once.
 */
export class CommitBatches implements WriteBehind<PoolClient> {
  private readonly open = new CheckoutScoped<Map<string, Batch>>();

  /** Starts taking deferred work for `tx`. */
  begin(tx: PoolClient): void {
    this.open.set(tx, new Map());
  }

  /** Defers `item` to `tx`'s flush under `kind` (one `flush` per kind); false when `tx` takes no deferred work. */
  add<T>(tx: PoolClient, kind: string, item: T, flush: BatchFlush<T>): boolean {
    const batches = this.open.get(tx);
    if (!batches) return false;
    const batch = batches.get(kind) ?? { items: [], flush: flush as BatchFlush<unknown> };
    batch.items.push(item);
    batches.set(kind, batch);
    return true;
  }

  /** Writes everything deferred to `tx` (in the order the kinds were first used) and stops taking more. */
  async flush(tx: PoolClient): Promise<void> {
    const batches = this.open.take(tx);
    for (const batch of batches?.values() ?? []) if (batch.items.length > 0) await batch.flush(batch.items, tx);
  }

  /** Drops whatever was deferred to `tx` (it rolled back) and stops taking more. */
  end(tx: PoolClient): void {
    this.open.take(tx);
  }
}
