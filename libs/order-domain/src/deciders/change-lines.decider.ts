import { hasPaymentEvidence } from '../aggregate/order-state';
import type { ChangeLines } from '../commands/order-change-commands';
import { describeCommand, type CommandHandler } from '../decision/command-handler';
import { actorProblems, amountProblems, lineProblems } from '../decision/command-validation';
import { conflict } from '../decision/order-rejection';
import { eventFor } from './order-event-factory';

/**
 * ChangeLines: only before any payment fact was seen — afterwards the money received would no
 * longer match the order total (the source article's first failure). Audited with actor and role.
 */
export const changeLinesHandler: CommandHandler<ChangeLines> = {
  validate: (command) => [
    ...actorProblems('actor', command.data.actor),
    ...lineProblems(command.data.lines),
    ...amountProblems('totalAmount', command.data.totalAmount),
  ],
  actor: (command) => command.data.actor,
  decide(command, state) {
    if (hasPaymentEvidence(state)) {
      return conflict(describeCommand(command, state), 'a payment was already seen for this order; cancel it (refund) and place a new one');
    }
    const { actor, lines, totalAmount } = command.data;
    return [eventFor(command, 'OrderLinesChanged', { actor, lines, totalAmount, previousTotalAmount: state.totalAmount })];
  },
};
