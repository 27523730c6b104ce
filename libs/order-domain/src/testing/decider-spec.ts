import { rebuild } from '../aggregate/order.aggregate';
import type { OrderState } from '../aggregate/order-state';
import type { OrderCommand } from '../commands/order-command';
import type { OrderEvent } from '../events/order-event';
import { decide } from '../decision/decide';
import type { Decision } from '../decision/decision';
import type { RejectionCode } from '../decision/order-rejection';

/** What a `given(...).when(...)` step exposes to assertions. */
export interface WhenStep {
  readonly state: OrderState;
  readonly decision: Decision;
  /** Expects exactly these events (Jest asymmetric matchers allowed); returns the state after them. */
  then(expected: unknown[]): OrderState;
  /** Expects acceptance with no events (an idempotent repeat). */
  thenNothingHappened(): void;
  /** Expects a rejection with this code whose message matches `message`. */
  thenRejected(code: RejectionCode, message?: string | RegExp): void;
}

/**
 * Given / when / then for the order decider, after Emmett's DeciderSpecification:
 * `given(pastEvents).when(command).then(newEvents)` or `.thenRejected(code, message)`.
 *
 * @example
 * given([placed]).when(cmd.cancel()).then([expect.objectContaining({ type: 'OrderClosed' })]);
 */
export function given(events: readonly OrderEvent[] = []): { when(command: OrderCommand): WhenStep } {
  return {
    when(command) {
      const state = rebuild(events);
      const decision = decide(command, state);
      return {
        state,
        decision,
        then(expected) {
          expect(decision).toEqual({ outcome: 'accepted', events: expected });
          return rebuild((decision as { events: OrderEvent[] }).events, state);
        },
        thenNothingHappened() {
          expect(decision).toEqual({ outcome: 'accepted', events: [] });
        },
        thenRejected(code, message) {
          expect(decision).toMatchObject({ outcome: 'rejected', code, command: command.type, state: state.status });
          if (message !== undefined) expect((decision as { message: string }).message).toMatch(message);
        },
      };
    },
  };
}
