import type { AcceptedNotification } from '../aggregate/order-state';
import type { AcceptPaymentNotification } from '../commands/payment-commands';
import type { CommandHandler } from '../decision/command-handler';
import { amountProblems, currencyProblems, providerProblems, timestampProblems } from '../decision/command-validation';
import { notificationProblems, sameTransaction } from '../rules/payment-rules';
import { eventFor } from './order-event-factory';
import { completePaymentIfDue, latePaymentFact, paymentReview, transactionMismatch } from './payment-completion';

/**
 * AcceptPaymentNotification: conditions one and two of payment completion. A notification with
 * malformed ids, an unverified signature, a non-200 answer or a wrong amount is not accepted; a
 * review item says why and the order stays pending_payment.
 */
export const acceptPaymentNotificationHandler: CommandHandler<AcceptPaymentNotification> = {
  validate(command) {
    const { provider, amount, currency, paidAt, paidAtText, transactionId, outTradeNo, signatureVerified, httpStatusAnswered } = command.data;
    return [
      ...providerProblems(provider),
      ...amountProblems('amount', amount),
      ...currencyProblems(currency),
      ...timestampProblems('paidAt', paidAt, paidAtText),
      ...(typeof transactionId === 'string' && typeof outTradeNo === 'string' ? [] : ['transactionId and outTradeNo must be strings']),
      ...(typeof signatureVerified === 'boolean' ? [] : ['signatureVerified must be a boolean']),
      ...(Number.isInteger(httpStatusAnswered) ? [] : ['httpStatusAnswered must be an HTTP status code']),
    ];
  },

  // The provider re-sends until it sees 200: the same transaction again is the same payment.
  isDuplicate(command, state) {
    return state.notification !== null && sameTransaction(state.notification, command.data);
  },

  decide(command, state) {
    const { orderId: _o, commandId: _c, occurredAt, occurredAtText, ...notification } = command.data;
    const problems = notificationProblems(notification, state);
    if (problems.length > 0) return paymentReview(command, notification, problems);
    if (state.status !== 'pending_payment') return latePaymentFact(command, state, notification);
    if (state.confirmation && !sameTransaction(state.confirmation, notification)) {
      return transactionMismatch(command, state.confirmation, notification);
    }
    const accepted: AcceptedNotification = { ...notification, acceptedAt: occurredAt, acceptedAtText: occurredAtText };
    return [
      eventFor(command, 'PaymentNotificationAccepted', notification),
      ...completePaymentIfDue(command, state, accepted, state.confirmation),
    ];
  },
};
