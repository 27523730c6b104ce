import type { ShipmentStage } from '../model/order-values';
import type { CommandOf } from './command-meta';

/** Fulfilment's answer to `InventoryReservationRequested` (`InventoryReservationResult`). */
export type ReserveInventoryResult = CommandOf<
  'ReserveInventoryResult',
  { reservationId: string; outcome: 'RESERVED' | 'FAILED'; reason: string | null }
>;

/** ERP / invoicing confirmed the invoice information (`InvoiceConfirmation`). */
export type ConfirmInvoice = CommandOf<'ConfirmInvoice', { invoiceNumber: string; invoiceTitle: string }>;

/** The dispatch engine issued a plan, or a newer version of the same plan (re-planning). */
export type RecordDispatchPlan = CommandOf<'RecordDispatchPlan', { dispatchPlanId: string; version: number }>;

/** A WMS scan or carrier track moved the order along; scans carry the dispatch plan id. */
export type RecordShipmentProgress = CommandOf<
  'RecordShipmentProgress',
  { stage: ShipmentStage; dispatchPlanId: string }
>;

/** Receipt confirmed by the customer, or the service's return-window timer: delivered → completed. */
export type CompleteOrder = CommandOf<'CompleteOrder', Record<never, never>>;
