import type { OrderCommandType } from '../commands/order-command';
import type { OrderLifecycleStatus, OrderStatus } from '../model/order-status';
import { ORDER_TRANSITIONS, type TransitionRow } from './order-transitions';

/**
 * Queries over a transition table. The decider asks two questions: may this command be handled in
 * this state at all, and may its decision leave the order in that state.
 */
export class OrderStateMachine {
  /** The rows by `from` and `command`: every decision asks, so the table is indexed once, not scanned. */
  private readonly index = new Map<string, TransitionRow[]>();

  constructor(readonly rows: readonly TransitionRow[] = ORDER_TRANSITIONS) {
    for (const row of rows) {
      const key = exitKey(row.from, row.command);
      this.index.set(key, [...(this.index.get(key) ?? []), row]);
    }
  }

  /** The rows leaving `from` on `command`, in table order (empty: the command is illegal in that state). */
  exits(from: OrderLifecycleStatus, command: OrderCommandType): readonly TransitionRow[] {
    return this.index.get(exitKey(from, command)) ?? NO_ROWS;
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

const NO_ROWS: readonly TransitionRow[] = Object.freeze([]);

function exitKey(from: OrderLifecycleStatus, command: OrderCommandType): string {
  return `${from}\u0000${command}`;
}

/** The state machine over the shipped table. */
export const orderStateMachine = new OrderStateMachine();
