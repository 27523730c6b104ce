import { hasPaymentEvidence } from '../aggregate/order-state';
import type { CancelOrder } from '../commands/order-change-commands';
import type { CommandHandler } from '../decision/command-handler';
import { actorProblems, requiredText } from '../decision/command-validation';
import { eventFor } from './order-event-factory';
import { refundRequested } from './refund-request';

/**
 * CancelOrder: with no payment fact seen the order closes (CANCELLED). Once a notification or a
 * query answer was accepted money may have moved, so cancelling is compensation — a refund, then
 * OrderClosed{REFUNDED} — never a bare "cancelled" with money in limbo (the source article).
 */
export const cancelOrderHandler: CommandHandler<CancelOrder> = {
  validate: (command) => [...actorProblems('actor', command.data.actor), ...requiredText({ detail: command.data.detail })],
  actor: (command) => command.data.actor,
  decide(command, state) {
    const { actor, detail } = command.data;
    if (state.status === 'pending_payment' && !hasPaymentEvidence(state)) {
      return [eventFor(command, 'OrderClosed', { reason: 'CANCELLED', detail, closedBy: actor })];
    }
    return [refundRequested(command, state, 'CANCELLED_AFTER_PAYMENT', detail, actor)];
  },
};
