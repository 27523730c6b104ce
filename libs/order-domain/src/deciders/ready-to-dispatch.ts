import { rebuild } from '../aggregate/order.aggregate';
import type { OrderState } from '../aggregate/order-state';
import type { OrderCommand } from '../commands/order-command';
import type { OrderEvent } from '../events/order-event';
import { eventFor } from './order-event-factory';

/** Paid ∧ inventory reserved ∧ invoice confirmed — the three conditions before any split. */
export function isReadyToDispatch(state: OrderState): boolean {
  return (
    state.status === 'inventory_reserved' &&
    state.payment !== null &&
    state.reservation?.outcome === 'RESERVED' &&
    state.invoice !== null
  );
}

/**
 * The automatic step: after any decision, if its events complete the three conditions, append
 * `OrderReadyToDispatch` so the dispatch engine starts within its 30 s window — nobody has to send
 * a MarkReadyToDispatch command, and nobody can send it early.
 */
export function withAutomaticSteps(command: OrderCommand, state: OrderState, events: OrderEvent[]): OrderEvent[] {
  if (events.length === 0) return events;
  const after = rebuild(events, state);
  return isReadyToDispatch(after) ? [...events, eventFor(command, 'OrderReadyToDispatch', {})] : events;
}
