import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { encode } from '@oms/contracts';
import { ConcurrencyError, type EventMetadata, type EventStore, type StreamAppend } from '@oms/event-store';
import type { CommittedOrderCache } from '../../orders/committed-order.cache';
import type { LoadedOrder } from '../../orders/loaded-order';
import type { OrderStreamRepository } from '../../orders/order-stream.repository';
import type { TrailRecord } from './trail-records';

/** Trail records for one order's stream. */
export interface TrailAppend {
  orderId: string;
  records: readonly TrailRecord[];
  metadata: EventMetadata;
}

/**
 * Appends the dispatch trail to order streams, in the caller's transaction. These records change
 * no order state (the state machine moves only on `DispatchPlanned`, which goes through the
 * command path), so they are appended at the stream's current version without a domain decision;
 * the order fold counts them (`applyStored`). A review item whose key the order already raised is
 * left out: one exception, one item, however often it is seen. The outbox publishes them all.
 * Appending outside the command path moves the stream past the state the command path keeps for
 * the order (`CommittedOrderCache`), so that state is dropped: the next command (the sandbox
 * answer's `RecordDispatchPlan`) reads the stream rather than deciding on a version now stale and
 * failing its append, which re-ran its whole consumer chunk with a savepoint per message.
 */
export class DispatchTrailWriter {
  constructor(
    private readonly store: EventStore,
    private readonly streams: OrderStreamRepository,
    private readonly committed: CommittedOrderCache,
  ) {}

  /**
   * Appends `records` to `orderId`'s stream; returns how many were appended. Unknown orders get
   * nothing. `known` is the order as this transaction just read it (the decision worker's
   * readiness check), which saves reading the stream again; should the order have moved on since,
   * the version check refuses the append and the stream is read as it is now.
   */
  async append(client: PoolClient, orderId: string, records: readonly TrailRecord[], metadata: EventMetadata, known?: LoadedOrder): Promise<number> {
    if (!known) return this.appendAt(client, this.toAppend((await this.streams.load(orderId, client)).state, { orderId, records, metadata }));
    try {
      return await this.appendAt(client, this.toAppend(known.state, { orderId, records, metadata }));
    } catch (error) {
      // Refused by the version check, nothing written and the transaction intact: read the stream
      // as it is now. (Should a concurrent writer's commit have tripped the unique index instead,
      // the transaction is aborted, this read fails, and the caller's batch is decided again.)
      if (error instanceof ConcurrencyError) return this.append(client, orderId, records, metadata);
      throw error;
    }
  }

  /**
   * The appends of several orders, each at the version this transaction read it (`known`), in one
   * statement. Should some of them have moved on, they are appended one by one as {@link append}
   * does, those the refusal named read from their streams at once.
   */
  async appendAll(client: PoolClient, entries: ReadonlyArray<TrailAppend & { known: LoadedOrder }>): Promise<void> {
    const appends = entries.map((entry) => this.toAppend(entry.known.state, entry)).filter((append) => append !== undefined);
    if (appends.length === 0) return;
    try {
      await this.store.appendMany(appends, client);
      for (const append of appends) this.committed.forget(append.streamId);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const stale = new Set(error.conflicting);
      for (const entry of entries) await this.append(client, entry.orderId, entry.records, entry.metadata, stale.has(entry.orderId) ? undefined : entry.known);
    }
  }

  private async appendAt(client: PoolClient, append: StreamAppend | undefined): Promise<number> {
    if (!append) return 0;
    await this.store.append(append.streamId, append.expectedVersion, append.events, client);
    this.committed.forget(append.streamId);
    return append.events.length;
  }

  /** The append of the records the order lacks, at its version; `undefined` when there is nothing to append. */
  private toAppend(state: LoadedOrder['state'], { orderId, records, metadata }: TrailAppend): StreamAppend | undefined {
    if (state.version === 0) return undefined;
    const fresh = records.filter((record) => record.recordName !== 'ReviewItemRaised' || !state.raisedReviewKeys.includes(record.value.reviewKey ?? ''));
    if (fresh.length === 0) return undefined;
    return {
      streamId: orderId, expectedVersion: state.version,
      events: fresh.map((record) => ({ eventId: randomUUID(), type: record.recordName, payload: encode(record.recordName, record.value), occurredAt: record.value.occurredAt, metadata })),
    };
  }
}
