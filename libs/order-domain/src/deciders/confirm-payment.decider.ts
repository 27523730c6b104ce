import type { ConfirmedPayment } from '../aggregate/order-state';
import type { ConfirmPayment } from '../commands/payment-commands';
import type { CommandHandler } from '../decision/command-handler';
import { amountProblems, currencyProblems, providerProblems } from '../decision/command-validation';
import { confirmationProblems, sameTransaction } from '../rules/payment-rules';
import { eventFor } from './order-event-factory';
import { completePaymentIfDue, latePaymentFact, paymentReview, transactionMismatch } from './payment-completion';

/**
 * ConfirmPayment: the provider's transaction query — condition three ("the balance really
 * increased"). Only a SUCCESS answer for the order total is recorded as `PaymentConfirmed`.
 */
export const confirmPaymentHandler: CommandHandler<ConfirmPayment> = {
  validate(command) {
    const { provider, amount, currency, transactionId, outTradeNo, tradeState, rawResponse } = command.data;
    return [
      ...providerProblems(provider),
      ...amountProblems('amount', amount),
      ...currencyProblems(currency),
      ...(typeof transactionId === 'string' && typeof outTradeNo === 'string' ? [] : ['transactionId and outTradeNo must be strings']),
      ...(typeof tradeState === 'string' && typeof rawResponse === 'string' ? [] : ['tradeState and rawResponse must be strings']),
    ];
  },

  isDuplicate(command, state) {
    return state.confirmation !== null && sameTransaction(state.confirmation, command.data);
  },

  decide(command, state) {
    const { orderId: _o, commandId: _c, occurredAt, occurredAtText, ...answer } = command.data;
    const problems = confirmationProblems(answer, state);
    if (problems.length > 0) return paymentReview(command, answer, problems);
    if (state.status !== 'pending_payment') return latePaymentFact(command, state, answer);
    if (state.notification && !sameTransaction(state.notification, answer)) {
      return transactionMismatch(command, state.notification, answer);
    }
    const { rawResponse: _raw, ...facts } = answer;
    const confirmed: ConfirmedPayment = { ...facts, confirmedAt: occurredAt, confirmedAtText: occurredAtText };
    return [
      eventFor(command, 'PaymentConfirmed', answer),
      ...completePaymentIfDue(command, state, state.notification, confirmed),
    ];
  },
};
