import type { AcceptedNotification, ConfirmedPayment, OrderState, PaymentIdentity } from '../aggregate/order-state';
import type { OrderCommand } from '../commands/order-command';
import type { OrderEvent } from '../events/order-event';
import { isPaymentComplete, sameTransaction, type PaymentProblem } from '../rules/payment-rules';
import { eventFor, reviewItem } from './order-event-factory';

/** The review subject of a payment fact: provider, transaction id and out_trade_no as received. */
export function paymentSubject(payment: PaymentIdentity): string {
  return `${payment.provider}:${payment.transactionId}:${payment.outTradeNo}`;
}

/** One review item for a payment fact that failed its checks: first cause, every problem in the detail. */
export function paymentReview(command: OrderCommand, payment: PaymentIdentity, problems: PaymentProblem[]): OrderEvent[] {
  const detail = `${command.type} not accepted: ${problems.map((p) => p.problem).join('; ')}`;
  return [reviewItem(command, problems[0].cause, paymentSubject(payment), detail)];
}

/**
 * A payment fact for an order no longer awaiting payment. Money already known (the transaction
 * that paid, or was refunded on cancel) adds nothing; any other money must not be lost: it raises
 * an UNEXPECTED_PAYMENT review item so finance returns it.
 */
export function latePaymentFact(command: OrderCommand, state: OrderState, payment: PaymentIdentity): OrderEvent[] {
  const known = [state.payment, state.notification, state.confirmation].some((fact) => fact !== null && sameTransaction(fact, payment));
  if (known) return [];
  const detail = `${command.type} for transaction ${payment.transactionId} (${payment.amount} ${payment.currency}) while the order is ${state.status}: return or reconcile this money by hand`;
  return [reviewItem(command, 'UNEXPECTED_PAYMENT', paymentSubject(payment), detail)];
}

/** A second side that names another transaction than the first side seen. */
export function transactionMismatch(command: OrderCommand, seen: PaymentIdentity, payment: PaymentIdentity): OrderEvent[] {
  const detail = `${command.type} names transaction ${payment.transactionId}/${payment.outTradeNo} but ${seen.transactionId}/${seen.outTradeNo} was seen first`;
  return [reviewItem(command, 'PAYMENT_TRANSACTION_MISMATCH', paymentSubject(payment), detail)];
}

/**
 * payment complete = 200 ∧ signature ∧ balance: when the accepted notification and the confirming
 * query agree, the order is paid and stock reservation is requested in the same decision.
 */
export function completePaymentIfDue(
  command: OrderCommand,
  state: OrderState,
  notification: AcceptedNotification | null,
  confirmation: ConfirmedPayment | null,
): OrderEvent[] {
  if (!isPaymentComplete(notification, confirmation, state)) return [];
  const { provider, transactionId, outTradeNo, amount, currency, paidAt, paidAtText } = notification;
  return [
    eventFor(command, 'OrderPaid', { provider, transactionId, outTradeNo, amount, currency, paidAt, paidAtText }),
    eventFor(command, 'InventoryReservationRequested', { lines: [...state.lines] }),
  ];
}
