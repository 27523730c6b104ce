import { eventOf, metaOf, type EventMapper } from './event-mapper';

/**
 * `PaymentNotificationAccepted`: the domain's `paidAt` is Avro's `providerSuccessAt`; the
 * provider's notification id is not modelled by the domain and comes from the notification.
 */
export const paymentNotificationAcceptedMapper: EventMapper<'PaymentNotificationAccepted'> = {
  toAvro({ data }, { enrichment }) {
    const { provider, transactionId, outTradeNo, amount, currency, signatureVerified, httpStatusAnswered } = data;
    return {
      ...metaOf(data), provider, transactionId, outTradeNo, amount, currency, signatureVerified, httpStatusAnswered,
      notificationId: enrichment.notification?.notificationId ?? '',
      providerSuccessAt: data.paidAt,
      providerSuccessAtText: data.paidAtText,
    };
  },
  fromAvro(value) {
    const { provider, transactionId, outTradeNo, amount, currency, signatureVerified, httpStatusAnswered } = value;
    return eventOf('PaymentNotificationAccepted', {
      ...metaOf(value), provider, transactionId, outTradeNo, amount, currency, signatureVerified, httpStatusAnswered,
      // Every record this service writes has the time; a foreign one without it falls back to when it was accepted.
      paidAt: value.providerSuccessAt ?? value.occurredAt,
      paidAtText: value.providerSuccessAtText ?? value.occurredAtText,
    });
  },
};

/** `PaymentConfirmed`: the HTTP status of the query answer is the only fact the domain does not keep. */
export const paymentConfirmedMapper: EventMapper<'PaymentConfirmed'> = {
  toAvro({ data }, { enrichment }) {
    const { provider, transactionId, outTradeNo, amount, currency, tradeState, rawResponse } = data;
    return { ...metaOf(data), provider, transactionId, outTradeNo, amount, currency, tradeState, rawResponse, queryHttpStatus: enrichment.confirmation?.httpStatus ?? 200 };
  },
  fromAvro(value) {
    const { provider, transactionId, outTradeNo, amount, currency, tradeState, rawResponse } = value;
    return eventOf('PaymentConfirmed', { ...metaOf(value), provider, transactionId, outTradeNo, amount, currency, tradeState, rawResponse });
  },
};

/**
 * `OrderPaid` (200 ∧ signature ∧ balance held): `confirmedAt` is when the query answer was
 * accepted (in the order's state), `notificationId` the accepted notification's — from the
 * notification being handled, or from the stream when the query answer completed the payment.
 */
export const orderPaidMapper: EventMapper<'OrderPaid'> = {
  toAvro({ data }, { stateBefore, enrichment }) {
    const { provider, transactionId, outTradeNo, amount, currency, paidAt, paidAtText } = data;
    const confirmation = stateBefore.confirmation;
    return {
      ...metaOf(data), provider, transactionId, outTradeNo, amount, currency, paidAt, paidAtText,
      notificationId: enrichment.notification?.notificationId ?? enrichment.acceptedNotificationId ?? '',
      confirmedAt: confirmation?.confirmedAt ?? data.occurredAt,
      confirmedAtText: confirmation?.confirmedAtText ?? data.occurredAtText,
    };
  },
  fromAvro(value) {
    const { provider, transactionId, outTradeNo, amount, currency, paidAt, paidAtText } = value;
    return eventOf('OrderPaid', { ...metaOf(value), provider, transactionId, outTradeNo, amount, currency, paidAt, paidAtText });
  },
};
