import { isOrderCommandType, type OrderCommandType } from '../commands/order-command';
import { isLifecycleStatus, isOrderStatus, type OrderLifecycleStatus, type OrderStatus } from '../model/order-status';
import rawTable from './order-transitions.data.json';

/** One row of the transition table: in `from`, `command` is legal and may leave the order in `to`. */
export interface TransitionRow {
  from: OrderLifecycleStatus;
  command: OrderCommandType;
  to: OrderStatus;
  /** Why the exit exists — the field rule it follows. Rendered into the docs. */
  why: string;
}

/**
 * Checks the raw table data (a JSON file operators may edit) and returns typed rows. Throws with
 * every problem listed, so a bad edit fails at load time — not at the first order that hits it.
 */
export function loadTransitionTable(raw: unknown): readonly TransitionRow[] {
  const rows = (raw as { transitions?: unknown } | null)?.transitions;
  if (!Array.isArray(rows)) throw new Error('Transition table: expected { "transitions": [...] }');
  const problems: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row: Partial<Record<keyof TransitionRow, unknown>>, index) => {
    const where = `row ${index}`;
    if (!isLifecycleStatus(row.from)) problems.push(`${where}: unknown from state ${JSON.stringify(row.from)}`);
    if (!isOrderCommandType(row.command)) problems.push(`${where}: unknown command ${JSON.stringify(row.command)}`);
    if (!isOrderStatus(row.to)) problems.push(`${where}: unknown to state ${JSON.stringify(row.to)}`);
    if (typeof row.why !== 'string' || row.why.trim() === '') problems.push(`${where}: "why" must explain the exit`);
    const key = `${String(row.from)}|${String(row.command)}|${String(row.to)}`;
    if (seen.has(key)) problems.push(`${where}: duplicate row ${key}`);
    seen.add(key);
  });
  if (problems.length > 0) throw new Error(`Transition table is invalid:\n  - ${problems.join('\n  - ')}`);
  return Object.freeze(rows.map((row) => Object.freeze({ ...row }) as TransitionRow));
}

/** The order transition table, loaded from `order-transitions.data.json`. */
export const ORDER_TRANSITIONS: readonly TransitionRow[] = loadTransitionTable(rawTable);
