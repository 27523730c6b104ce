import type { AcceptedNotification, ConfirmedPayment, OrderState, PaymentIdentity } from '../aggregate/order-state';
import type { ReviewCause } from '../events/audit-events';
import { paymentIdProblems } from './payment-id-formats';

/** One failed payment check: the review cause and a sentence for the reviewer. */
export interface PaymentProblem {
  cause: ReviewCause;
  problem: string;
}

/** The provider's success state of a transaction query (WeChat Pay v3 `trade_state`, Alipay maps to it). */
export const CONFIRMED_TRADE_STATE = 'SUCCESS';

/** The HTTP status a notification must have been answered with. */
export const ANSWERED_OK = 200;

function identityProblems(payment: PaymentIdentity, order: OrderState): PaymentProblem[] {
  const problems = paymentIdProblems(payment.provider, payment.transactionId, payment.outTradeNo).map(
    (problem): PaymentProblem => ({ cause: 'MALFORMED_PAYMENT_IDS', problem }),
  );
  if (payment.amount !== order.totalAmount || payment.currency !== order.currency) {
    const expected = `${order.totalAmount} ${order.currency}`;
    problems.push({ cause: 'PAYMENT_AMOUNT_MISMATCH', problem: `amount ${payment.amount} ${payment.currency} differs from the order total ${expected}` });
  }
  return problems;
}

/** Checks of a notification on its own: ids, signature, the 200 answer, the amount. */
export function notificationProblems(
  notification: Pick<AcceptedNotification, keyof PaymentIdentity | 'signatureVerified' | 'httpStatusAnswered'>,
  order: OrderState,
): PaymentProblem[] {
  const problems = identityProblems(notification, order);
  if (notification.signatureVerified !== true) problems.push({ cause: 'SIGNATURE_NOT_VERIFIED', problem: 'the signature was not verified' });
  if (notification.httpStatusAnswered !== ANSWERED_OK) {
    problems.push({ cause: 'CALLBACK_NOT_ANSWERED_200', problem: `the callback was answered HTTP ${notification.httpStatusAnswered}, not 200` });
  }
  return problems;
}

/** Checks of a transaction query answer on its own: ids, trade state, the amount. */
export function confirmationProblems(confirmation: Pick<ConfirmedPayment, keyof PaymentIdentity | 'tradeState'>, order: OrderState): PaymentProblem[] {
  const problems = identityProblems(confirmation, order);
  if (confirmation.tradeState !== CONFIRMED_TRADE_STATE) {
    problems.push({ cause: 'PAYMENT_NOT_CONFIRMED', problem: `the transaction query answered ${confirmation.tradeState}, not ${CONFIRMED_TRADE_STATE}` });
  }
  return problems;
}

/** True when two payment facts name the same transaction (provider, transaction id, out_trade_no). */
export function sameTransaction(a: PaymentIdentity, b: PaymentIdentity): boolean {
  return a.provider === b.provider && a.transactionId === b.transactionId && a.outTradeNo === b.outTradeNo;
}

/**
 * The rule of the source article: payment complete = 200 ∧ signature ∧ balance. True only when
 * an accepted notification (answered 200, signature verified) and a confirming transaction query
 * name the same transaction, and both carry exactly the order total.
 */
export function isPaymentComplete(
  notification: AcceptedNotification | null,
  confirmation: ConfirmedPayment | null,
  order: OrderState,
): notification is AcceptedNotification {
  if (!notification || !confirmation) return false;
  return (
    notificationProblems(notification, order).length === 0 &&
    confirmationProblems(confirmation, order).length === 0 &&
    sameTransaction(notification, confirmation)
  );
}
