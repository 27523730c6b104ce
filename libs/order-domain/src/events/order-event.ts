import type { CommandRejected, ReviewItemRaised } from './audit-events';
import type {
  DispatchPlanned,
  InventoryReservationFailed,
  InventoryReservationRequested,
  InventoryReserved,
  InvoiceConfirmed,
  OrderReadyToDispatch,
  OrderShipmentProgressed,
} from './fulfilment-events';
import type { OrderAddressChanged, OrderClosed, OrderCompleted, OrderLinesChanged, OrderPlaced } from './order-lifecycle-events';
import type { OrderPaid, PaymentConfirmed, PaymentNotificationAccepted, RefundCompleted, RefundRequested } from './payment-events';

/**
 * Every event of an order stream (docs/event-catalog.md, "Order events"): a discriminated union
 * on `type`, with camelCase `data` that always carries `orderId`, `occurredAt`, `occurredAtText`.
 */
export type OrderEvent =
  | OrderPlaced
  | PaymentNotificationAccepted
  | PaymentConfirmed
  | OrderPaid
  | InventoryReservationRequested
  | InventoryReserved
  | InventoryReservationFailed
  | RefundRequested
  | RefundCompleted
  | OrderClosed
  | InvoiceConfirmed
  | OrderReadyToDispatch
  | DispatchPlanned
  | OrderShipmentProgressed
  | OrderCompleted
  | OrderAddressChanged
  | OrderLinesChanged
  | CommandRejected
  | ReviewItemRaised;

/** The `type` tag of an order event. */
export type OrderEventType = OrderEvent['type'];

/** The event of one type, e.g. `OrderEventOfType<'OrderPaid'>`. */
export type OrderEventOfType<T extends OrderEventType> = Extract<OrderEvent, { type: T }>;

/** The data of an event type without the meta fields, as deciders write it. */
export type OrderEventBody<T extends OrderEventType> = Omit<OrderEventOfType<T>['data'], 'orderId' | 'occurredAt' | 'occurredAtText'>;
