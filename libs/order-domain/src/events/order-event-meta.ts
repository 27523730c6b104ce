/**
 * Fields every order event carries (docs/event-catalog.md): the stream it belongs to and when it
 * happened, as epoch milliseconds plus the ISO-8601 text with its offset.
 */
export interface OrderEventMeta {
  orderId: string;
  /** Epoch milliseconds. */
  occurredAt: number;
  /** ISO-8601 with offset, e.g. `2026-01-20T14:22:03.000+08:00`. */
  occurredAtText: string;
}

/** Builds an event type: a `type` tag and a `data` record that includes {@link OrderEventMeta}. */
export interface EventOf<T extends string, D> {
  type: T;
  data: OrderEventMeta & D;
}
