import type { OrderCommandType } from '../commands/order-command';
import type { OrderLifecycleStatus, OrderStatus } from '../model/order-status';
import type { Actor } from '../model/order-values';

/**
 * Why a command was refused:
 * - `ILLEGAL_TRANSITION` — the transition table has no exit for it in this state (HTTP 409);
 * - `FORBIDDEN` — the actor may not change this order (HTTP 403);
 * - `INVALID_COMMAND` — the command itself is malformed, e.g. a non-integer amount (HTTP 400/422);
 * - `CONFLICT` — legal in this state, but contradicts what the order holds (HTTP 409).
 */
export type RejectionCode = 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'INVALID_COMMAND' | 'CONFLICT';

/** A refused command, as a value. Its `message` names the command and the state it met. */
export interface OrderRejection {
  readonly outcome: 'rejected';
  readonly code: RejectionCode;
  readonly command: OrderCommandType;
  readonly commandId: string;
  readonly state: OrderLifecycleStatus;
  readonly message: string;
  /** The acting person for order changes, so refused attempts are audited too. */
  readonly actor: Actor | null;
}

/** The command a rejection is about: its type, id, the state it met and its actor if any. */
export interface RejectedCommand {
  command: OrderCommandType;
  commandId: string;
  state: OrderLifecycleStatus;
  actor: Actor | null;
}

function rejection(code: RejectionCode, about: RejectedCommand, message: string): OrderRejection {
  return { outcome: 'rejected', code, ...about, message };
}

/** "Cannot CompleteOrder when order is shipped" — optionally naming the state it would have reached. */
export function illegalTransition(about: RejectedCommand, wouldReach?: OrderStatus): OrderRejection {
  const suffix = wouldReach ? ` (it would move the order to ${wouldReach})` : '';
  return rejection('ILLEGAL_TRANSITION', about, `Cannot ${about.command} when order is ${about.state}${suffix}`);
}

/** The actor is neither the creator nor in a privileged role. */
export function forbidden(about: RejectedCommand & { actor: Actor }, privilegedRoles: readonly string[]): OrderRejection {
  const who = `${about.actor.actorId} (role ${about.actor.role})`;
  const allowed = ['its creator', ...privilegedRoles].join(', ');
  return rejection('FORBIDDEN', about, `Forbidden: ${who} may not ${about.command} when order is ${about.state}; only ${allowed} may change it`);
}

/** The command is malformed; every problem is listed. */
export function invalidCommand(about: RejectedCommand, problems: readonly string[]): OrderRejection {
  return rejection('INVALID_COMMAND', about, `Invalid ${about.command} when order is ${about.state}: ${problems.join('; ')}`);
}

/** The command is legal here but contradicts the order's facts. */
export function conflict(about: RejectedCommand, why: string): OrderRejection {
  return rejection('CONFLICT', about, `Cannot ${about.command} when order is ${about.state}: ${why}`);
}

/** An `Error` carrying a rejection, for callers that prefer to throw (the HTTP layer maps `code`). */
export class OrderRejectionError extends Error {
  constructor(readonly rejection: OrderRejection) {
    super(rejection.message);
    this.name = 'OrderRejectionError';
  }
}
