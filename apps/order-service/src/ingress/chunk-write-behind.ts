import type { PoolClient } from 'pg';
import { ConcurrencyError, type EventStore } from '@oms/event-store';
import type { WriteBehind } from '@oms/messaging';
import type { CommittedOrderCache } from '../orders/committed-order.cache';
import { asTransientIfLockTimeout } from '../orders/concurrency-retry';

/**
 * What a consumer chunk holds back and writes just before its COMMIT: every append
 * (`EventStore.bufferAppends`: one INSERT for the chunk instead of one per message). The chunk
 * holds its new events' index entries only from that flush to COMMIT, so a batch of another
 * partition appending to the same order waits milliseconds, not the whole chunk.
 *
 * A version conflict found at the flush means an order's committed state in this process was
 * behind (or a "new" order existed): it is marked stale, and the messaging layer runs the chunk
 * again, where the order is read from its stream and the command decided again — and, should the
 * flush fail once more, with a savepoint per message, resolving conflicts one message at a time.
 */
export function chunkWriteBehind(store: EventStore, committed: CommittedOrderCache): WriteBehind<PoolClient> {
  return {
    begin: (client) => store.bufferAppends(client),
    flush: async (client) => {
      try {
        await store.flushAppends(client);
      } catch (error) {
        // The chunk runs again: the order must then be read, not taken from memory or assumed new.
        if (error instanceof ConcurrencyError) committed.markStale(error.streamId);
        throw asTransientIfLockTimeout(error);
      }
    },
    end: (client) => store.discardAppends(client),
  };
}
