import type { CompleteRefund } from '../commands/payment-commands';
import type { CommandHandler } from '../decision/command-handler';
import { amountProblems, currencyProblems, requiredText } from '../decision/command-validation';
import { eventFor, reviewItem } from './order-event-factory';

/**
 * CompleteRefund: the provider's refund answer. Success for the full amount → RefundCompleted +
 * OrderClosed{REFUNDED}. A failure or another amount is for a human: the order stays refunding
 * until the money is really back.
 */
export const completeRefundHandler: CommandHandler<CompleteRefund> = {
  validate(command) {
    const { refundId, amount, currency, outcome } = command.data;
    return [
      ...requiredText({ refundId }),
      ...amountProblems('amount', amount),
      ...currencyProblems(currency),
      ...(outcome === 'SUCCEEDED' || outcome === 'FAILED' ? [] : [`outcome must be SUCCEEDED or FAILED, got ${JSON.stringify(outcome)}`]),
    ];
  },

  isDuplicate: (command, state) => state.refund?.refundId === command.data.refundId,

  decide(command, state) {
    const { refundId, amount, currency, outcome, detail } = command.data;
    const refund = state.refund;
    if (outcome === 'FAILED') {
      return [reviewItem(command, 'REFUND_FAILED', refundId, `refund ${refundId} failed: ${detail}`)];
    }
    if (!refund || amount !== refund.refundAmount || currency !== refund.currency) {
      const expected = refund ? `${refund.refundAmount} ${refund.currency}` : 'no refund';
      return [reviewItem(command, 'REFUND_AMOUNT_MISMATCH', refundId, `refund ${refundId} of ${amount} ${currency}; expected ${expected}`)];
    }
    return [
      eventFor(command, 'RefundCompleted', { refundId, refundAmount: amount, currency }),
      eventFor(command, 'OrderClosed', { reason: 'REFUNDED', detail: `refund ${refundId} completed (${refund.reason})`, closedBy: null }),
    ];
  },
};
