import type { OrderLine, ShipmentStage } from '../model/order-values';
import type { EventOf } from './order-event-meta';

/** Asks fulfilment to reserve stock for these lines; emitted together with `OrderPaid`. */
export type InventoryReservationRequested = EventOf<'InventoryReservationRequested', { lines: OrderLine[] }>;

/** Stock is reserved: `paid` → `inventory_reserved`. */
export type InventoryReserved = EventOf<'InventoryReserved', { reservationId: string }>;

/** Stock could not be reserved; compensation (a refund) starts in the same decision. */
export type InventoryReservationFailed = EventOf<
  'InventoryReservationFailed',
  { reservationId: string; reason: string }
>;

/** The invoice information was confirmed by ERP / invoicing. */
export type InvoiceConfirmed = EventOf<'InvoiceConfirmed', { invoiceNumber: string; invoiceTitle: string }>;

/** Paid ∧ reserved ∧ invoiced: the dispatch (split) engine may plan. → `ready_to_dispatch`. */
export type OrderReadyToDispatch = EventOf<'OrderReadyToDispatch', Record<never, never>>;

/** A dispatch plan (or a newer version of it) was issued: → `dispatch_planned`. */
export type DispatchPlanned = EventOf<'DispatchPlanned', { dispatchPlanId: string; version: number }>;

/** WMS / carrier progress: → `partially_shipped`, `shipped`, `in_delivery` or `delivered`. */
export type OrderShipmentProgressed = EventOf<
  'OrderShipmentProgressed',
  { stage: ShipmentStage; dispatchPlanId: string }
>;
