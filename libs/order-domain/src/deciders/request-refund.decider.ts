import type { RequestRefund } from '../commands/order-change-commands';
import type { CommandHandler } from '../decision/command-handler';
import { actorProblems, requiredText } from '../decision/command-validation';
import { refundRequested } from './refund-request';

/**
 * RequestRefund: while the order holds the money and is not finished (paid … delivered), its
 * creator, a customer-service supervisor or a warehouse manager may send it back → refunding.
 */
export const requestRefundHandler: CommandHandler<RequestRefund> = {
  validate: (command) => [...actorProblems('actor', command.data.actor), ...requiredText({ detail: command.data.detail })],
  actor: (command) => command.data.actor,
  decide: (command, state) => [refundRequested(command, state, 'REQUESTED', command.data.detail, command.data.actor)],
};
