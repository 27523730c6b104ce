import type { OrderState } from '../aggregate/order-state';
import type { OrderCommand } from '../commands/order-command';
import type { OrderEvent } from '../events/order-event';
import type { Actor } from '../model/order-values';
import type { OrderRejection, RejectedCommand } from './order-rejection';

/**
 * How one command type is decided. `decide` in `decide.ts` runs the shared pipeline (validate →
 * duplicate → authorize → table → handler → automatic steps → table again); a handler only
 * supplies the parts specific to its command.
 */
export interface CommandHandler<C extends OrderCommand> {
  /** Problems with the command's own fields (the shared meta fields are checked already). */
  validate(command: C): string[];
  /** True when the command repeats a fact the order already holds: accepted with no events. */
  isDuplicate?(command: C, state: OrderState): boolean;
  /** For order changes: who acts. Present → only the creator or a privileged role may. */
  actor?(command: C): Actor;
  /** The events, or a CONFLICT rejection. Only called when the table allows the command. */
  decide(command: C, state: OrderState): OrderEvent[] | OrderRejection;
}

/** The identity of a command for rejections: type, id, the state it met and its actor if any. */
export function describeCommand(command: OrderCommand, state: OrderState): RejectedCommand {
  const actor = 'actor' in command.data ? command.data.actor : null;
  return { command: command.type, commandId: command.data.commandId, state: state.status, actor };
}
