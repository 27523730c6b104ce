import type { PoolClient } from 'pg';
import { ConcurrencyError, type EventStore } from '@oms/event-store';
import type { WriteBehind } from '@oms/messaging';
import type { CommittedOrderCache } from './committed-order.cache';
import { asTransientIfLockTimeout } from './concurrency-retry';

/**
 * The consumer's chunks hold their appends back and write them in one statement before COMMIT
 * (`EventStore.bufferAppends`): one INSERT per chunk instead of one per message, and each new
 * event's index entry held by the transaction only from the flush to COMMIT, so a batch of
 * another partition appending to the same order waits milliseconds, not the whole chunk.
 *
 * A version conflict found at the flush means an order's committed state in this process was
 * behind: it is forgotten, and the messaging layer re-runs the chunk with a savepoint per message,
 * where the conflict is resolved as usual (the order re-read, the command decided again).
 */
export function chunkAppends(store: EventStore, committed: CommittedOrderCache): WriteBehind<PoolClient> {
  return {
    begin: (client) => store.bufferAppends(client),
    flush: async (client) => {
      try {
        await store.flushAppends(client);
      } catch (error) {
        if (error instanceof ConcurrencyError) committed.forget(error.streamId);
        throw asTransientIfLockTimeout(error);
      }
    },
    end: (client) => store.discardAppends(client),
  };
}
