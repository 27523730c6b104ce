import type { OrderCommandType } from '../commands/order-command';
import type { OrderLifecycleStatus, OrderStatus } from '../model/order-status';
import { ORDER_TRANSITIONS, type TransitionRow } from './order-transitions';

/**
 * Queries over a transition table. The decider asks two questions: may this command be handled in
 * this state at all, and may its decision leave the order in that state.
 */
export class OrderStateMachine {
  constructor(readonly rows: readonly TransitionRow[] = ORDER_TRANSITIONS) {}

  /** The rows leaving `from` on `command` (empty: the command is illegal in that state). */
  exits(from: OrderLifecycleStatus, command: OrderCommandType): TransitionRow[] {
    return this.rows.filter((row) => row.from === from && row.command === command);
  }

  /** True when the table has at least one row for (`from`, `command`). */
  allows(from: OrderLifecycleStatus, command: OrderCommandType): boolean {
    return this.exits(from, command).length > 0;
  }

  /** True when the table lists exactly this transition. */
  hasTransition(from: OrderLifecycleStatus, command: OrderCommandType, to: OrderStatus): boolean {
    return this.exits(from, command).some((row) => row.to === to);
  }

  /** The commands legal in `from`, in table order, without repeats. */
  commandsFrom(from: OrderLifecycleStatus): OrderCommandType[] {
    return [...new Set(this.rows.filter((row) => row.from === from).map((row) => row.command))];
  }

  /** True when no row leaves `status` for another state (`completed`, `closed`). */
  isFinal(status: OrderLifecycleStatus): boolean {
    return !this.rows.some((row) => row.from === status && row.to !== status);
  }
}

/** The state machine over the shipped table. */
export const orderStateMachine = new OrderStateMachine();
