import type { PoolClient } from 'pg';
import type { EventStore, StoredEvent } from '@oms/event-store';
import { decode } from '@oms/contracts';
import { evolve, initialState, type OrderEvent } from '@oms/order-domain';
import { fromAvroRecord, isOrderEventRecord, type AvroOrderEvent } from '../mapping/order-event.mapper';
import type { LoadedOrder } from './loaded-order';
import type { OrderSnapshotRepository } from './order-snapshot.repository';

/** Snapshots of long streams: where they are kept, and every how many events a new one is taken. */
export interface SnapshotPolicy {
  snapshots: OrderSnapshotRepository;
  /** A stream that grew by this many events since its last snapshot (or its start) gets a new one. */
  every: number;
}

/**
 * Reads order streams from the event store and folds them into {@link LoadedOrder}s. Every read
 * takes the caller's transaction, so a consumer decides on what its own batch already wrote.
 * With a {@link SnapshotPolicy}, a current-state read starts from the order's snapshot and
 * replays only the events after it; a read inside a transaction that replayed `every` events or
 * more leaves a new snapshot in that transaction (so it commits, or not, with what it read).
 */
export class OrderStreamRepository {
  constructor(
    private readonly store: EventStore,
    private readonly policy?: SnapshotPolicy,
  ) {}

  /** The order now (or as recorded at `asOf`, epoch ms); an unknown id loads as not placed. */
  async load(orderId: string, client?: PoolClient, asOf?: number): Promise<LoadedOrder> {
    if (asOf !== undefined || !this.policy) return foldStream(orderId, await this.store.readStream(orderId, asOf === undefined ? undefined : { asOf }, client));
    const { snapshots, every } = this.policy;
    const base = await snapshots.find(orderId, client);
    const replayed = await this.store.readStream(orderId, base && { fromVersion: base.state.version + 1 }, client);
    const order = replayed.reduce((folded, row) => applyStored(folded, row.payload), base ?? { orderId, state: initialState });
    if (client && replayed.length >= every) await snapshots.save(order, client);
    return order;
  }
}

/** Folds stored events into the order, keeping the Avro-only facts later events repeat. */
export function foldStream(orderId: string, stored: readonly StoredEvent[]): LoadedOrder {
  let order: LoadedOrder = { orderId, state: initialState };
  for (const row of stored) order = applyStored(order, row.payload);
  return order;
}

/**
 * One stored event folded into the order. Records the order domain does not model (the dispatch
 * trail: proposals, sandbox rejections, WMS scans — `src/dispatch/`) change no state but still
 * occupy a stream version, so the next append expects the right one.
 */
export function applyStored(order: LoadedOrder, payload: Buffer): LoadedOrder {
  const record = decode(payload);
  if (!isOrderEventRecord(record.recordName)) return { ...order, state: { ...order.state, version: order.state.version + 1 } };
  return foldEvent(order, fromAvroRecord(record), record as AvroOrderEvent);
}

/** One event and its Avro record folded into the order: the domain state and the Avro-only facts. */
export function foldEvent(order: LoadedOrder, event: OrderEvent, record: AvroOrderEvent): LoadedOrder {
  const next = { ...order, state: evolve(order.state, event) };
  switch (record.recordName) {
    case 'OrderPlaced':
      return { ...next, placedLines: record.value.lines, address: record.value.shippingAddress };
    case 'OrderAddressChanged':
      return { ...next, address: record.value.address };
    case 'PaymentNotificationAccepted':
      return { ...next, acceptedNotificationId: record.value.notificationId };
    default:
      return next;
  }
}
