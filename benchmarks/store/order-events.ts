import { randomUUID } from 'node:crypto';
import type { Event } from '@event-driven-io/emmett';
import type { NewEvent } from '@oms/event-store';

/** An order's life as eight events: the CONVENTIONS estimate of "about eight events per order". */
export const ORDER_LIFECYCLE = [
  'OrderPlaced',
  'PaymentAuthorized',
  'InventoryReserved',
  'DispatchPlanned',
  'PickListPrinted',
  'OrderPacked',
  'OrderShipped',
  'OrderDelivered',
] as const;

/** One benchmark event, before it is shaped for a particular store. */
export interface OrderEvent {
  eventId: string;
  type: string;
  body: Record<string, unknown>;
  metadata: { correlationId: string; actor: string };
  occurredAt: number;
}

/** Emmett's shape of the same event (JSON data; `messageId` keeps our event id). */
export type EmmettOrderEvent = Event<string, Record<string, unknown>, { messageId: string; correlationId: string; actor: string }>;

// `C3 01` + an 8-byte schema fingerprint: the Avro single-object header our store insists on.
const AVRO_HEADER = Buffer.from('c3010102030405060708', 'hex');
const BASE_TIME = Date.UTC(2026, 10, 11, 1, 2, 3);

/**
 * The `version`-th event (1-based) of order number `orderNo`: a realistic order body of about
 * 290 bytes of JSON, so the stored payload (with its 10-byte header) is about 300 bytes.
 */
export function orderEvent(orderNo: number, version: number): OrderEvent {
  const order = String(orderNo).padStart(8, '0');
  const occurredAt = BASE_TIME + orderNo * 1000 + version;
  return {
    eventId: randomUUID(),
    type: ORDER_LIFECYCLE[(version - 1) % ORDER_LIFECYCLE.length]!,
    body: {
      orderId: `ord-${order}`,
      outTradeNo: `T1111${order}`,
      customerId: `cus-${(orderNo * 7919) % 100_000}`,
      currency: 'EUR',
      lines: [
        { sku: `SKU-${100_000 + (orderNo % 9000)}`, qty: 2, unitPriceMinor: 1999 },
        { sku: `SKU-${200_000 + (orderNo % 7000)}`, qty: 1, unitPriceMinor: 4950 },
      ],
      totalMinor: 8948,
      shipTo: { country: 'DE' },
      occurredAt: new Date(occurredAt).toISOString(),
    },
    metadata: { correlationId: `corr-${order}`, actor: 'channel:shopify' },
    occurredAt,
  };
}

/** Our store's shape: the body as opaque bytes behind an Avro single-object header. */
export function toNewEvent(event: OrderEvent): NewEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    payload: Buffer.concat([AVRO_HEADER, Buffer.from(JSON.stringify(event.body), 'utf8')]),
    occurredAt: event.occurredAt,
    metadata: event.metadata,
  };
}

/** Emmett's shape: the body as JSON data, stored as jsonb. */
export function toEmmettEvent(event: OrderEvent): EmmettOrderEvent {
  return { type: event.type, data: event.body, metadata: { messageId: event.eventId, ...event.metadata } };
}

/** The raw-pg baseline's payload: the same bytes our store keeps. */
export function toRawPayload(event: OrderEvent): Buffer {
  return toNewEvent(event).payload;
}

/**
 * Where the `nth` single append of a worker goes: every worker owns its orders and appends their
 * eight events in turn, so appends hit existing streams (head look-ups included) without
 * version conflicts between workers.
 */
export function singleAppendTarget(label: string, worker: number, nth: number): { streamId: string; orderNo: number; expectedVersion: number } {
  const orderIndex = Math.floor(nth / ORDER_LIFECYCLE.length);
  return {
    streamId: `order-${label}-w${worker}-${orderIndex}`,
    orderNo: worker * 1_000_000 + orderIndex,
    expectedVersion: nth % ORDER_LIFECYCLE.length,
  };
}

/**
 * The batched-append workload: `batchCount` transactions, each of `streamsPerBatch` new streams
 * with `streamLength` events. Built before the clock starts, so the figure measures the store.
 */
export function batchedStreams(label: string, batchCount: number, streamsPerBatch: number, streamLength: number): { streamId: string; events: OrderEvent[] }[][] {
  return Array.from({ length: batchCount }, (_, batch) =>
    Array.from({ length: streamsPerBatch }, (_, slot) => {
      const orderNo = batch * streamsPerBatch + slot;
      return {
        streamId: `order-${label}-${orderNo}`,
        events: Array.from({ length: streamLength }, (_, index) => orderEvent(orderNo, index + 1)),
      };
    }),
  );
}
