import type { OrderPaid, PaymentConfirmation, PaymentNotification } from '@oms/contracts';
import type { ExpectedFlow } from '../model/expected-flow';
import { recordedTime } from './recorded-time';

/** Extra facts about a payment that its `OrderPaid` event does not carry. */
export interface PaymentFlowExtras {
  /** The provider's query answer; its raw body goes into the anomaly report. */
  confirmation?: PaymentConfirmation | null;
  /** Merged-cart reference (`combine_out_trade_no`) when the payment was one of several paid at once. */
  combinedRef?: string | null;
}

/**
 * The payment an `OrderPaid` event says happened, as an expected +amount flow. `paidAt` keeps
 * the precision of `paidAtText` (the provider's own text), which the 500 ms rule needs.
 *
 * @example
 * const flow = paymentFlowFromOrderPaid(orderPaid, { confirmation });
 */
export function paymentFlowFromOrderPaid(paid: OrderPaid, extras: PaymentFlowExtras = {}): ExpectedFlow {
  return {
    flowId: `pay:${paid.outTradeNo}`,
    kind: 'PAYMENT',
    orderId: paid.orderId,
    provider: paid.provider,
    outTradeNo: paid.outTradeNo,
    transactionId: paid.transactionId,
    outRefundNo: null,
    refundId: null,
    combinedRef: extras.combinedRef ?? null,
    amount: paid.amount,
    currency: paid.currency,
    time: recordedTime(paid.paidAt, paid.paidAtText, 'OrderPaid.paidAt'),
    rawResponse: extras.confirmation?.rawResponse ?? null,
  };
}

/**
 * The payment a verified provider notification reports, for a reconciliation that reads the
 * payments topic directly. Throws a RangeError when the notification has no success time
 * (the trade did not succeed, so no money is expected).
 */
export function paymentFlowFromNotification(notification: PaymentNotification, orderId: string | null = null): ExpectedFlow {
  if (notification.successAt === null || notification.successAtText === null) {
    throw new RangeError(`PaymentNotification ${notification.notificationId}: no success time, no money to expect`);
  }
  return {
    flowId: `pay:${notification.outTradeNo}`,
    kind: 'PAYMENT',
    orderId,
    provider: notification.provider,
    outTradeNo: notification.outTradeNo,
    transactionId: notification.transactionId,
    outRefundNo: null,
    refundId: null,
    combinedRef: null,
    amount: notification.amount,
    currency: notification.currency,
    time: recordedTime(notification.successAt, notification.successAtText, 'PaymentNotification.successAt'),
    rawResponse: notification.decryptedResource ?? notification.rawBody,
  };
}
