import type { PaymentProvider, RefundReason as AvroRefundReason } from '@oms/contracts';
import type { OrderState, RefundReason } from '@oms/order-domain';
import { fromAvroActorOrSystem, toAvroActorOrSystem } from './actor.mapper';
import { eventOf, metaOf, type EventMapper } from './event-mapper';

const TO_AVRO_REASON: Record<RefundReason, AvroRefundReason> = {
  INVENTORY_RESERVATION_FAILED: 'INVENTORY_RESERVATION_FAILED',
  CANCELLED_AFTER_PAYMENT: 'CANCELLED_AFTER_PAYMENT',
  REQUESTED: 'CUSTOMER_REQUEST',
};

function domainRefundReason(reason: AvroRefundReason): RefundReason {
  const found = (Object.keys(TO_AVRO_REASON) as RefundReason[]).find((key) => TO_AVRO_REASON[key] === reason);
  if (!found) throw new RangeError(`refund reason ${reason} has no order-domain counterpart`);
  return found;
}

/** The provider holding the order's money; WeChat Pay when no payment fact names one. */
function providerOf(state: OrderState): PaymentProvider {
  return (state.payment ?? state.notification ?? state.confirmation)?.provider ?? 'WECHAT_PAY';
}

/**
 * The merchant refund number: derived from the order and the instant, so a replay of the same
 * event names the same refund (WeChat Pay's out_refund_no allows letters, digits and `-`).
 */
export function outRefundNoOf(orderId: string, occurredAt: number): string {
  return `${orderId}-R${occurredAt}`;
}

/**
 * `RefundRequested`: a null `requestedBy` (compensation) is Avro's SYSTEM actor; a null
 * `outTradeNo` (no payment fact named one) is the empty string, which no accepted payment has.
 */
export const refundRequestedMapper: EventMapper<'RefundRequested'> = {
  toAvro({ data }, { stateBefore }) {
    if (data.outTradeNo === '') throw new RangeError('outTradeNo "" would read back as null');
    return {
      ...metaOf(data),
      provider: providerOf(stateBefore),
      outTradeNo: data.outTradeNo ?? '',
      outRefundNo: outRefundNoOf(data.orderId, data.occurredAt),
      transactionId: data.transactionId,
      refundAmount: data.refundAmount,
      currency: data.currency,
      reason: TO_AVRO_REASON[data.reason],
      detail: data.detail,
      requestedBy: toAvroActorOrSystem(data.requestedBy),
    };
  },
  fromAvro(value) {
    return eventOf('RefundRequested', {
      ...metaOf(value),
      refundAmount: value.refundAmount,
      currency: value.currency,
      reason: domainRefundReason(value.reason),
      detail: value.detail ?? '',
      requestedBy: fromAvroActorOrSystem(value.requestedBy),
      transactionId: value.transactionId,
      outTradeNo: value.outTradeNo === '' ? null : value.outTradeNo,
    });
  },
};

/** `RefundCompleted`: provider, refund number and success time come from the provider's answer. */
export const refundCompletedMapper: EventMapper<'RefundCompleted'> = {
  toAvro({ data }, { stateBefore, enrichment }) {
    const result = enrichment.refundResult;
    return {
      ...metaOf(data),
      provider: result?.provider ?? providerOf(stateBefore),
      outRefundNo: result?.outRefundNo ?? '',
      refundId: data.refundId,
      refundAmount: data.refundAmount,
      currency: data.currency,
      succeededAt: result?.successAt ?? data.occurredAt,
      succeededAtText: result?.successAtText ?? data.occurredAtText,
    };
  },
  fromAvro(value) {
    return eventOf('RefundCompleted', { ...metaOf(value), refundId: value.refundId, refundAmount: value.refundAmount, currency: value.currency });
  },
};

/** `OrderClosed`: a null `closedBy` (the system closed it) is Avro's SYSTEM actor. */
export const orderClosedMapper: EventMapper<'OrderClosed'> = {
  toAvro({ data }) {
    return { ...metaOf(data), reason: data.reason, detail: data.detail, closedBy: toAvroActorOrSystem(data.closedBy) };
  },
  fromAvro(value) {
    return eventOf('OrderClosed', { ...metaOf(value), reason: value.reason, detail: value.detail ?? '', closedBy: fromAvroActorOrSystem(value.closedBy) });
  },
};
