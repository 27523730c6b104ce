import type { ChangeAddress } from '../commands/order-change-commands';
import type { CommandHandler } from '../decision/command-handler';
import { actorProblems, addressProblems, requiredText } from '../decision/command-validation';
import { eventFor } from './order-event-factory';

/** ChangeAddress: audited (actor and role in the event); only the creator or a privileged role. */
export const changeAddressHandler: CommandHandler<ChangeAddress> = {
  validate: (command) => [
    ...actorProblems('actor', command.data.actor),
    ...addressProblems(command.data.address),
    ...requiredText({ phone: command.data.phone }),
  ],
  actor: (command) => command.data.actor,
  decide(command) {
    const { actor, address, phone } = command.data;
    return [eventFor(command, 'OrderAddressChanged', { actor, address, phone })];
  },
};
