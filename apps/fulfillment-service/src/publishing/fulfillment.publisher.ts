import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { encode, type RecordTypes } from '@oms/contracts';
import { ConcurrencyError, StreamOrderConflictError, type EventStore, type NewEvent } from '@oms/event-store';
import { TransientError } from '@oms/messaging';

/** Fulfillment records the service publishes. */
export type FulfillmentRecordName = 'InventoryReservationResult' | 'SandboxValidationResult' | 'ShipmentStatusChanged' | 'FulfillmentReviewItemRaised';

/** One record to publish, named by what it answers (see {@link eventIdOf}). */
export interface FulfillmentRecord<N extends FulfillmentRecordName = FulfillmentRecordName> {
  recordName: N;
  value: RecordTypes[N] & { orderId: string };
  name: string;
  causation?: Causation;
}

/** What caused a record: the consumed message, whose correlation travels on. */
export interface Causation {
  messageId: string;
  correlationId?: string;
  traceparent?: string;
}

/** A name-based UUID (v5 layout over SHA-1) of `name`: the same answer always gets the same event id. */
export function eventIdOf(name: string): string {
  const hash = createHash('sha1').update('oms.fulfillment-service/').update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Records what the service publishes in its own event store, in the caller's transaction (one
 * stream per order, so the outbox relay keys `oms.fulfillment.events.v1` by order id and keeps
 * each order's records in order). The relay publishes after commit, in batches: a handler never
 * waits on the broker, and nothing is published that the database does not hold. The event id is
 * derived from what the record answers (`name`), and an answer already recorded is not recorded
 * again, so publishing is idempotent.
 */
export class FulfillmentPublisher {
  constructor(private readonly store: EventStore) {}

  /**
   * Answers false when this answer had already been recorded. `knownNew`: the caller's own table
   * already proved the answer new in this transaction (a track's event key, a review item's
   * dedupe key), so the look-up is skipped.
   */
  async publish<N extends FulfillmentRecordName>(tx: PoolClient, recordName: N, value: RecordTypes[N] & { orderId: string }, name: string, causation?: Causation, knownNew = false): Promise<boolean> {
    if (!knownNew && (await tx.query('SELECT 1 FROM events WHERE event_id = $1', [eventIdOf(name)])).rowCount) return false;
    await this.publishNew(tx, [{ recordName, value, name, causation } as FulfillmentRecord]);
    return true;
  }

  /**
   * Records answers the caller's own tables already proved new in this transaction, all in one
   * append (one stream per order, the records of an order in the order given).
   */
  async publishNew(tx: PoolClient, records: FulfillmentRecord[]): Promise<void> {
    if (records.length === 0) return;
    const byOrder = new Map<string, NewEvent[]>();
    const occurredAt = Date.now();
    for (const { recordName, value, name, causation } of records) {
      const eventId = eventIdOf(name);
      const metadata = { correlationId: causation?.correlationId ?? causation?.messageId ?? eventId, causationId: causation?.messageId, traceparent: causation?.traceparent, actor: 'fulfillment-service' };
      const events = byOrder.get(value.orderId) ?? [];
      events.push({ eventId, type: recordName, payload: encode(recordName, value), occurredAt, metadata });
      byOrder.set(value.orderId, events);
    }
    try {
      await this.store.appendMany([...byOrder].map(([streamId, events]) => ({ streamId, expectedVersion: 'any' as const, events })), tx);
    } catch (error) {
      // Two partitions answering for one order at once: the batch is retried in a new transaction.
      if (error instanceof ConcurrencyError || error instanceof StreamOrderConflictError) throw new TransientError(error.message, { cause: error });
      throw error;
    }
  }
}
