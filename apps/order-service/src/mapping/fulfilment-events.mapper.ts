import { addDuration, formatIsoDateTime, parseIsoDateTime, type IsoDuration } from '@oms/order-domain';
import { eventOf, metaOf, type EventMapper } from './event-mapper';
import { fromAvroLines, toAvroLines, toStockLines } from './order-line.mapper';
import { parseReservationFailure, reservationFailureText } from './reservation-reason';

/** The split decision must follow within 30 s of the order becoming ready (DESIGN.md). */
const DECISION_WINDOW: IsoDuration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 30 };

/**
 * The reservation id of a request: the domain leaves it to the service, and a deterministic one
 * (order + instant) means a re-published request names the same reservation.
 */
export function reservationIdOf(orderId: string, occurredAt: number): string {
  return `${orderId}/rsv/${occurredAt}`;
}

/** `InventoryReservationRequested`: the full lines (with prices) ride in `orderLines` (v2). */
export const inventoryReservationRequestedMapper: EventMapper<'InventoryReservationRequested'> = {
  toAvro({ data }, { enrichment }) {
    return {
      ...metaOf(data),
      reservationId: reservationIdOf(data.orderId, data.occurredAt),
      lines: toStockLines(data.lines),
      orderLines: toAvroLines(data.lines, enrichment.placedLines),
    };
  },
  fromAvro(value) {
    // v1 records carry no prices; order-service never wrote one, so 0 only ever reaches foreign data.
    const lines = value.orderLines ? fromAvroLines(value.orderLines) : value.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity, unitPrice: 0 }));
    return eventOf('InventoryReservationRequested', { ...metaOf(value), lines });
  },
};

/** `InventoryReserved`: lines with their warehouse and the expiry come from the warehouse's answer. */
export const inventoryReservedMapper: EventMapper<'InventoryReserved'> = {
  toAvro({ data }, { stateBefore, enrichment }) {
    const result = enrichment.reservationResult?.reservationId === data.reservationId ? enrichment.reservationResult : undefined;
    return {
      ...metaOf(data),
      reservationId: data.reservationId,
      lines: result?.lines ?? toStockLines(stateBefore.lines),
      expiresAt: result?.expiresAt ?? null,
      expiresAtText: result?.expiresAtText ?? null,
    };
  },
  fromAvro(value) {
    return eventOf('InventoryReserved', { ...metaOf(value), reservationId: value.reservationId });
  },
};

/** `InventoryReservationFailed`: the domain's reason text is `SYMBOL[: detail]`. */
export const inventoryReservationFailedMapper: EventMapper<'InventoryReservationFailed'> = {
  toAvro({ data }, { enrichment }) {
    const result = enrichment.reservationResult?.reservationId === data.reservationId ? enrichment.reservationResult : undefined;
    return { ...metaOf(data), reservationId: data.reservationId, ...parseReservationFailure(data.reason), failedLines: result?.lines ?? [] };
  },
  fromAvro(value) {
    return eventOf('InventoryReservationFailed', { ...metaOf(value), reservationId: value.reservationId, reason: reservationFailureText(value) });
  },
};

/** `InvoiceConfirmed`: kind, amounts and issue time come from ERP's confirmation. */
export const invoiceConfirmedMapper: EventMapper<'InvoiceConfirmed'> = {
  toAvro({ data }, { stateBefore, enrichment }) {
    const invoice = enrichment.invoice?.invoiceNumber === data.invoiceNumber ? enrichment.invoice : undefined;
    return {
      ...metaOf(data),
      invoiceNumber: data.invoiceNumber,
      invoiceCode: invoice?.invoiceCode ?? null,
      invoiceType: invoice?.invoiceType ?? 'DIGITAL_ORDINARY',
      title: data.invoiceTitle,
      amountIncludingTax: invoice?.amountIncludingTax ?? stateBefore.totalAmount,
      taxAmount: invoice?.taxAmount ?? 0,
      currency: invoice?.currency ?? stateBefore.currency ?? 'CNY',
      issuedAt: invoice?.issuedAt ?? data.occurredAt,
      issuedAtText: invoice?.issuedAtText ?? data.occurredAtText,
    };
  },
  fromAvro(value) {
    return eventOf('InvoiceConfirmed', { ...metaOf(value), invoiceNumber: value.invoiceNumber, invoiceTitle: value.title });
  },
};

/** `OrderReadyToDispatch`: reservation and invoice from the order; the deadline is +30 s in the event's offset. */
export const orderReadyToDispatchMapper: EventMapper<'OrderReadyToDispatch'> = {
  toAvro({ data }, { stateBefore }) {
    const start = parseIsoDateTime(data.occurredAtText) ?? { epochMs: data.occurredAt, offsetMinutes: 0, offsetText: 'Z' };
    const deadline = addDuration({ ...start, epochMs: data.occurredAt }, DECISION_WINDOW);
    return {
      ...metaOf(data),
      reservationId: stateBefore.reservation?.reservationId ?? '',
      invoiceNumber: stateBefore.invoice?.invoiceNumber ?? null,
      decisionDeadline: deadline.epochMs,
      decisionDeadlineText: formatIsoDateTime(deadline),
    };
  },
  fromAvro(value) {
    return eventOf('OrderReadyToDispatch', metaOf(value));
  },
};
