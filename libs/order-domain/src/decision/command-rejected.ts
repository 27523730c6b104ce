import type { OrderCommand } from '../commands/order-command';
import type { CommandRejected } from '../events/audit-events';
import type { OrderRejection } from './order-rejection';

/**
 * Turns a rejection into a `CommandRejected` event, so refused commands are recorded in the
 * order's stream (never lost) — the auditor sees what was attempted, by whom, in which state.
 *
 * @example
 * const decision = decide(command, state);
 * const events = isRejection(decision) ? [toCommandRejected(command, decision)] : decision.events;
 */
export function toCommandRejected(command: OrderCommand, rejection: OrderRejection): CommandRejected {
  const { orderId, commandId, occurredAt, occurredAtText } = command.data;
  return {
    type: 'CommandRejected',
    data: {
      orderId,
      occurredAt,
      occurredAtText,
      command: command.type,
      commandId,
      state: rejection.state,
      code: rejection.code,
      reason: rejection.message,
      actor: rejection.actor,
    },
  };
}
