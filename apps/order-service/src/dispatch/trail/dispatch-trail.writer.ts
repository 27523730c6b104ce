import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { encode } from '@oms/contracts';
import type { EventMetadata, EventStore } from '@oms/event-store';
import type { OrderStreamRepository } from '../../orders/order-stream.repository';
import type { TrailRecord } from './trail-records';

/**
 * Appends the dispatch trail to order streams, in the caller's transaction. These records change
 * no order state (the state machine moves only on `DispatchPlanned`, which goes through the
 * command path), so they are appended at the stream's current version without a domain decision;
 * the order fold counts them (`applyStored`). A review item whose key the order already raised is
 * left out: one exception, one item, however often it is seen. The outbox publishes them all.
 */
export class DispatchTrailWriter {
  constructor(
    private readonly store: EventStore,
    private readonly streams: OrderStreamRepository,
  ) {}

  /** Appends `records` to `orderId`'s stream; returns how many were appended. Unknown orders get nothing. */
  async append(client: PoolClient, orderId: string, records: readonly TrailRecord[], metadata: EventMetadata): Promise<number> {
    const { state } = await this.streams.load(orderId, client);
    if (state.version === 0) return 0;
    const fresh = records.filter((record) => record.recordName !== 'ReviewItemRaised' || !state.raisedReviewKeys.includes(record.value.reviewKey ?? ''));
    if (fresh.length === 0) return 0;
    await this.store.append(orderId, state.version, fresh.map((record) => ({
      eventId: randomUUID(), type: record.recordName, payload: encode(record.recordName, record.value), occurredAt: record.value.occurredAt, metadata,
    })), client);
    return fresh.length;
  }
}
