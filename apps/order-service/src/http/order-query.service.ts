import { NotFoundException } from '@nestjs/common';
import { decode } from '@oms/contracts';
import type { EventStore, StoredEvent } from '@oms/event-store';
import type { OrderState } from '@oms/order-domain';
import type { OrderStreamRepository } from '../orders/order-stream.repository';

/** One event of an order's history, as the audit API shows it. */
export interface OrderEventView {
  globalPosition: number;
  streamVersion: number;
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  metadata: Record<string, string | undefined>;
  schemaFingerprint: string;
  previousHash: string | null;
  hash: string;
  /** The Avro record, decoded (into the current schema of its record). */
  payload: unknown;
}

/** What the read API answers for an order. */
export interface OrderView {
  orderId: string;
  /** The instant asked for, or null for "now". */
  asOf: string | null;
  state: OrderState;
}

/** Reads orders for the HTTP API: the state now or as recorded at an instant, and the history. */
export class OrderQueryService {
  constructor(
    private readonly store: EventStore,
    private readonly streams: OrderStreamRepository,
  ) {}

  /** The order's state; 404 when it does not exist (or did not yet at `asOf`). */
  async state(orderId: string, asOf?: number): Promise<OrderView> {
    const { state } = await this.streams.load(orderId, undefined, asOf);
    if (state.status === 'not_placed') {
      throw new NotFoundException(asOf === undefined ? `order ${orderId} not found` : `order ${orderId} did not exist at ${new Date(asOf).toISOString()}`);
    }
    return { orderId, asOf: asOf === undefined ? null : new Date(asOf).toISOString(), state };
  }

  /** Every event of the order with metadata and hashes; 404 for an unknown order. */
  async history(orderId: string): Promise<OrderEventView[]> {
    const events = await this.store.readStream(orderId);
    if (events.length === 0) throw new NotFoundException(`order ${orderId} not found`);
    return events.map(toView);
  }
}

function toView(event: StoredEvent): OrderEventView {
  return {
    globalPosition: event.globalPosition,
    streamVersion: event.streamVersion,
    eventId: event.eventId,
    type: event.type,
    occurredAt: new Date(event.occurredAt).toISOString(),
    recordedAt: new Date(event.recordedAt).toISOString(),
    metadata: event.metadata,
    schemaFingerprint: event.schemaFingerprint.toString('hex'),
    previousHash: event.previousHash?.toString('hex') ?? null,
    hash: event.hash.toString('hex'),
    payload: decode(event.payload).value,
  };
}
