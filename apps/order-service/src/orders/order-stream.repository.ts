import type { PoolClient } from 'pg';
import type { EventStore, StoredEvent } from '@oms/event-store';
import { evolve, initialState, type OrderEvent } from '@oms/order-domain';
import { decodeOrderEvent, type AvroOrderEvent } from '../mapping/order-event.mapper';
import type { LoadedOrder } from './loaded-order';

/**
 * Reads order streams from the event store and folds them into {@link LoadedOrder}s. Every read
 * takes the caller's transaction, so a consumer decides on what its own batch already wrote.
 */
export class OrderStreamRepository {
  constructor(private readonly store: EventStore) {}

  /** The order now (or as recorded at `asOf`, epoch ms); an unknown id loads as not placed. */
  async load(orderId: string, client?: PoolClient, asOf?: number): Promise<LoadedOrder> {
    const stored = await this.store.readStream(orderId, asOf === undefined ? undefined : { asOf }, client);
    return foldStream(orderId, stored);
  }
}

/** Folds stored events into the order, keeping the Avro-only facts later events repeat. */
export function foldStream(orderId: string, stored: readonly StoredEvent[]): LoadedOrder {
  let order: LoadedOrder = { orderId, state: initialState };
  for (const row of stored) order = applyStored(order, row.payload);
  return order;
}

/** One stored event folded into the order. */
export function applyStored(order: LoadedOrder, payload: Buffer): LoadedOrder {
  const { event, record } = decodeOrderEvent(payload);
  return foldEvent(order, event, record as AvroOrderEvent);
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
