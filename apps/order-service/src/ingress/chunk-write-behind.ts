import type { PoolClient } from 'pg';
import { ConcurrencyError, type EventStore } from '@oms/event-store';
import type { WriteBehind } from '@oms/messaging';
import type { CommittedOrderCache } from '../orders/committed-order.cache';
import { asTransientIfLockTimeout } from '../orders/concurrency-retry';
import type { PaymentIngressService } from './payment-ingress.service';

/**
 * What a consumer chunk holds back and writes just before its COMMIT: the payment routing of the
 * orders it placed (one statement; the payment facts parked for them are decided then) and every
 * append (`EventStore.bufferAppends`: one INSERT). A chunk of 64 orders thus makes two
 * statements instead of 128, and holds its new events' index entries only from the flush to
 * COMMIT, so another transaction appending to the same order waits milliseconds.
 *
 * A version conflict found at the flush means an order's committed state in this process was
 * behind (or a "new" order existed): it is marked stale, and the messaging layer runs the chunk
 * again, where the order is read from its stream and the command decided again — and, should the
 * flush fail once more, with a savepoint per message, resolving conflicts one message at a time.
 */
export function chunkWriteBehind(store: EventStore, committed: CommittedOrderCache, payments: PaymentIngressService): WriteBehind<PoolClient> {
  return {
    begin: (client) => {
      store.bufferAppends(client);
      payments.deferRegistrations(client);
    },
    flush: async (client) => {
      try {
        await payments.registerDeferred(client); // its decisions append to the buffer: before the flush
        await store.flushAppends(client);
      } catch (error) {
        // The chunk runs again: the order must then be read, not taken from memory or assumed new.
        if (error instanceof ConcurrencyError) for (const streamId of error.conflicting) committed.markStale(streamId);
        throw asTransientIfLockTimeout(error);
      }
    },
    end: (client) => {
      store.discardAppends(client);
      payments.dropDeferred(client);
    },
  };
}
