import type { OrderEvent } from '../events/order-event';
import type { OrderRejection } from './order-rejection';

/** The command was accepted; `events` may be empty (an idempotent re-send changes nothing). */
export interface Accepted {
  readonly outcome: 'accepted';
  readonly events: OrderEvent[];
}

/** What `decide` returns: the events to append, or a typed rejection. */
export type Decision = Accepted | OrderRejection;

/** Accepts with these events. */
export function accept(...events: OrderEvent[]): Accepted {
  return { outcome: 'accepted', events };
}

/** True when the decision is a rejection. */
export function isRejection(decision: Decision): decision is OrderRejection {
  return decision.outcome === 'rejected';
}
