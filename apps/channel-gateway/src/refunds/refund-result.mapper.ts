import { encode, Headers, Topics, type OutgoingMessage, type RefundResult, type RefundStatus } from '@oms/contracts';
import { beijingIsoText } from '../common/beijing-time';
import type { ProviderRefundAnswer } from './provider-refund-answer';
import type { OwedRefund } from './refund-request.repository';

/**
 * The RefundResult record of a provider's answer: the state mapped (`status`), the provider's own
 * word kept (`providerStatus`) with its raw answer, the amounts of the request in minor units.
 */
export function toRefundResult(refund: OwedRefund, totalAmount: number, answer: ProviderRefundAnswer, status: RefundStatus, receivedAtMs: number): RefundResult {
  return {
    provider: refund.provider,
    outTradeNo: refund.outTradeNo,
    outRefundNo: refund.outRefundNo,
    refundId: answer.refundId,
    transactionId: answer.transactionId ?? refund.transactionId,
    status,
    providerStatus: answer.providerStatus,
    refundAmount: refund.refundAmount,
    totalAmount,
    currency: refund.currency,
    userReceivedAccount: answer.userReceivedAccount,
    successAt: answer.successAt?.epochMs ?? null,
    successAtText: answer.successAt?.text ?? null,
    receivedAt: receivedAtMs,
    receivedAtText: beijingIsoText(receivedAtMs),
    rawBody: answer.rawResponse,
  };
}

/**
 * The Kafka record on `oms.ingress.payments.v1`, keyed by out_trade_no (with the payment's other
 * facts). `message-id` is one per refund and state, so a result republished after a crash is
 * dropped by consumers' inboxes; the order is the correlation.
 */
export function refundResultMessage(result: RefundResult, orderId: string): OutgoingMessage {
  return {
    topic: Topics.ingressPayments,
    key: result.outTradeNo,
    value: encode('RefundResult', result),
    headers: {
      [Headers.messageId]: `refund-result:${result.provider}:${result.outRefundNo}:${result.status}`,
      [Headers.correlationId]: orderId,
      [Headers.causationId]: result.outRefundNo,
      [Headers.eventType]: 'RefundResult',
    },
  };
}
