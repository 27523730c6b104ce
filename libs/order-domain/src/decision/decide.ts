import { rebuild } from '../aggregate/order.aggregate';
import type { OrderState } from '../aggregate/order-state';
import type { OrderCommand } from '../commands/order-command';
import type { OrderEvent } from '../events/order-event';
import { withAutomaticSteps } from '../deciders/ready-to-dispatch';
import { NOT_PLACED } from '../model/order-status';
import { mayChangeOrder, PRIVILEGED_ROLES } from '../rules/order-change-policy';
import { orderStateMachine, type OrderStateMachine } from '../state-machine/order-state-machine';
import { describeCommand } from './command-handler';
import { handlerFor } from './command-handlers';
import { metaProblems } from './command-validation';
import { accept, type Decision } from './decision';
import { forbidden, illegalTransition, invalidCommand } from './order-rejection';

/** Drops review items whose key was already raised (in the state or earlier in these events). */
function withoutRepeatedReviews(events: OrderEvent[], state: OrderState): OrderEvent[] {
  const raised = new Set(state.raisedReviewKeys);
  return events.filter((event) => {
    if (event.type !== 'ReviewItemRaised') return true;
    if (raised.has(event.data.reviewKey)) return false;
    raised.add(event.data.reviewKey);
    return true;
  });
}

/**
 * Decides a command against an order's state: the events to append, or a typed rejection.
 * Pure — time and ids come in the command. In order:
 * 1. malformed command (non-integer money, bad timestamps, …) → `INVALID_COMMAND`;
 * 2. a repeat of a fact the order holds (same channel order, same transaction, …) → no events;
 * 3. an order change by someone other than the creator or a privileged role → `FORBIDDEN`;
 * 4. no row for (state, command) in the transition table → `ILLEGAL_TRANSITION`;
 * 5. the command's handler decides (or answers `CONFLICT`); automatic steps are appended;
 * 6. the state the events lead to must be a row's target for (state, command), else `ILLEGAL_TRANSITION`.
 *
 * @example
 * const decision = decide(command, rebuild(events));
 * if (isRejection(decision)) append([toCommandRejected(command, decision)]);
 * else append(decision.events);
 */
export function decide(command: OrderCommand, state: OrderState, machine: OrderStateMachine = orderStateMachine): Decision {
  const handler = handlerFor(command);
  const about = describeCommand(command, state);
  const problems = [...metaProblems(command.data), ...handler.validate(command)];
  if (state.orderId !== null && command.data.orderId !== state.orderId) {
    problems.push(`orderId ${command.data.orderId} is not this order (${state.orderId})`);
  }
  if (problems.length > 0) return invalidCommand(about, problems);
  if (handler.isDuplicate?.(command, state)) return accept();

  const actor = handler.actor?.(command);
  if (actor && state.status !== NOT_PLACED && !mayChangeOrder(actor, state)) return forbidden({ ...about, actor }, PRIVILEGED_ROLES);
  if (!machine.allows(state.status, command.type)) return illegalTransition(about);

  const decided = handler.decide(command, state);
  if (!Array.isArray(decided)) return decided;
  const events = withoutRepeatedReviews(withAutomaticSteps(command, state, decided), state);
  if (events.length === 0) return accept();
  const reached = rebuild(events, state).status;
  if (reached === NOT_PLACED || !machine.hasTransition(state.status, command.type, reached)) {
    return illegalTransition(about, reached === NOT_PLACED ? undefined : reached);
  }
  return accept(...events);
}
