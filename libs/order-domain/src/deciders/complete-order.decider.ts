import type { CompleteOrder } from '../commands/fulfilment-commands';
import type { CommandHandler } from '../decision/command-handler';
import { eventFor } from './order-event-factory';

/** CompleteOrder: delivered → completed (receipt confirmed, or the return window passed). */
export const completeOrderHandler: CommandHandler<CompleteOrder> = {
  validate: () => [],
  decide: (command) => [eventFor(command, 'OrderCompleted', {})],
};
