import type { InventoryReservationResult, InvoiceConfirmation, ShipmentStatusChanged } from '@oms/contracts';
import type { ConfirmInvoice, RecordShipmentProgress, ReserveInventoryResult } from '@oms/order-domain';
import { reservationFailureText } from '../mapping/reservation-reason';
import type { OrderCommandRequest } from '../orders/command-request';
import type { CommandContext } from './command-context';

function meta(orderId: string, context: CommandContext) {
  return { orderId, commandId: context.commandId, occurredAt: context.occurredAt, occurredAtText: context.occurredAtText };
}

/** ERP's fapiao confirmation → ConfirmInvoice (one of the three conditions before a split). */
export function confirmInvoiceRequest(invoice: InvoiceConfirmation, context: CommandContext, source: string): OrderCommandRequest {
  const command: ConfirmInvoice = {
    type: 'ConfirmInvoice',
    data: { ...meta(invoice.orderId, context), invoiceNumber: invoice.invoiceNumber, invoiceTitle: invoice.title },
  };
  return { command, enrichment: { invoice }, metadata: context.metadata, source };
}

/**
 * The warehouse's answer → ReserveInventoryResult. A failure's reason is written `SYMBOL[: detail]`
 * (the form the Avro mapper reads back); a failure without a reason is filed as
 * WAREHOUSE_UNAVAILABLE and still compensated — money must not wait on a missing field.
 */
export function reserveInventoryRequest(result: InventoryReservationResult, context: CommandContext, source: string): OrderCommandRequest {
  const reason = result.outcome === 'FAILED'
    ? reservationFailureText({ reason: result.failureReason ?? 'WAREHOUSE_UNAVAILABLE', detail: result.failureDetail ?? (result.failureReason ? null : 'no reason given') })
    : null;
  const command: ReserveInventoryResult = {
    type: 'ReserveInventoryResult',
    data: { ...meta(result.orderId, context), reservationId: result.reservationId, outcome: result.outcome, reason },
  };
  return { command, enrichment: { reservationResult: result }, metadata: context.metadata, source };
}

/**
 * fulfillment-service's normalised shipment status → RecordShipmentProgress with the stage the
 * order as a whole reached (fulfilment computes it over every sub-order of the plan). A change
 * that moves the order nowhere (an exception, a return: `orderStage` null) is no command.
 */
export function recordShipmentProgressRequest(change: ShipmentStatusChanged, context: CommandContext, source: string): OrderCommandRequest | null {
  if (change.orderStage === null) return null;
  const command: RecordShipmentProgress = {
    type: 'RecordShipmentProgress',
    data: { ...meta(change.orderId, context), stage: change.orderStage, dispatchPlanId: change.dispatchPlanId },
  };
  return { command, enrichment: {}, metadata: context.metadata, source };
}
