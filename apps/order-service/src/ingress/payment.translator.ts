import type { PaymentConfirmation, PaymentNotification, PaymentProvider, RefundResult } from '@oms/contracts';
import type { AcceptPaymentNotification, CompleteRefund, ConfirmPayment } from '@oms/order-domain';
import type { OrderCommandRequest } from '../orders/command-request';
import type { CommandContext } from './command-context';
import tradeStates from './trade-states.data.json';

const SUCCESS_STATES: Readonly<Record<PaymentProvider, readonly string[]>> = tradeStates.successStates;

function meta(orderId: string, context: CommandContext) {
  return { orderId, commandId: context.commandId, occurredAt: context.occurredAt, occurredAtText: context.occurredAtText };
}

/**
 * A verified notification → AcceptPaymentNotification. A missing transaction id becomes `''`, which
 * the domain refuses as malformed (a review item), never a guess; the provider's success time is
 * `paidAt`, else the notification time.
 */
export function acceptNotificationRequest(notification: PaymentNotification, orderId: string, context: CommandContext, source: string): OrderCommandRequest {
  const command: AcceptPaymentNotification = {
    type: 'AcceptPaymentNotification',
    data: {
      ...meta(orderId, context),
      provider: notification.provider,
      transactionId: notification.transactionId ?? '',
      outTradeNo: notification.outTradeNo,
      amount: notification.amount,
      currency: notification.currency,
      signatureVerified: notification.signatureVerified,
      httpStatusAnswered: notification.httpStatusAnswered,
      paidAt: notification.successAt ?? notification.notifiedAt,
      paidAtText: notification.successAtText ?? notification.notifiedAtText,
    },
  };
  return { command, enrichment: { notification }, metadata: context.metadata, source };
}

/**
 * The transaction query answer → ConfirmPayment (condition three). The provider's success states
 * (`trade-states.data.json`) become the domain's `SUCCESS`; the raw answer is kept verbatim.
 */
export function confirmPaymentRequest(confirmation: PaymentConfirmation, orderId: string, context: CommandContext, source: string): OrderCommandRequest {
  const success = SUCCESS_STATES[confirmation.provider]?.includes(confirmation.tradeState) ?? false;
  const command: ConfirmPayment = {
    type: 'ConfirmPayment',
    data: {
      ...meta(orderId, context),
      provider: confirmation.provider,
      transactionId: confirmation.transactionId ?? '',
      outTradeNo: confirmation.outTradeNo,
      // No amount means the provider knows no payment: 0 never matches an order total.
      amount: confirmation.amount ?? 0,
      currency: confirmation.currency,
      tradeState: success ? 'SUCCESS' : confirmation.tradeState,
      rawResponse: confirmation.rawResponse,
    },
  };
  return { command, enrichment: { confirmation }, metadata: context.metadata, source };
}

/**
 * The provider's refund answer → CompleteRefund; null while the refund is still PROCESSING (no
 * outcome yet: the final answer follows). CLOSED and ABNORMAL are failures a human must see.
 */
export function completeRefundRequest(result: RefundResult, orderId: string, context: CommandContext, source: string): OrderCommandRequest | null {
  if (result.status === 'PROCESSING') return null;
  const where = result.userReceivedAccount ? ` → ${result.userReceivedAccount}` : '';
  const command: CompleteRefund = {
    type: 'CompleteRefund',
    data: {
      ...meta(orderId, context),
      refundId: result.refundId ?? result.outRefundNo,
      amount: result.refundAmount,
      currency: result.currency,
      outcome: result.status === 'SUCCESS' ? 'SUCCEEDED' : 'FAILED',
      detail: `${result.providerStatus}${where}`,
    },
  };
  return { command, enrichment: { refundResult: result }, metadata: context.metadata, source };
}
