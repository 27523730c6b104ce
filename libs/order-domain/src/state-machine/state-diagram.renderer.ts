import type { OrderCommandType } from '../commands/order-command';
import { NOT_PLACED, type OrderLifecycleStatus } from '../model/order-status';
import { OrderStateMachine, orderStateMachine } from './order-state-machine';

/** How a state appears in Mermaid: the not-placed pseudo-state is the start marker `[*]`. */
function node(status: OrderLifecycleStatus): string {
  return status === NOT_PLACED ? '[*]' : status;
}

/** Groups rows that share (from, to), keeping first-appearance order so the output is stable. */
function edges(machine: OrderStateMachine): Map<string, OrderCommandType[]> {
  const grouped = new Map<string, OrderCommandType[]>();
  for (const row of machine.rows) {
    const key = `${row.from} ${row.to}`;
    const commands = grouped.get(key) ?? [];
    if (!commands.includes(row.command)) commands.push(row.command);
    grouped.set(key, commands);
  }
  return grouped;
}

/** Commands that every placed state accepts without a state change (the late payment facts). */
function everywhere(machine: OrderStateMachine): OrderCommandType[] {
  const placed = [...new Set(machine.rows.flatMap((row) => [row.from, row.to]))].filter((status) => status !== NOT_PLACED);
  const staying = (status: OrderLifecycleStatus) => machine.rows.filter((row) => row.from === status && row.to === status).map((row) => row.command);
  const [first, ...others] = placed.map(staying);
  return others.reduce((common, commands) => common.filter((command) => commands.includes(command)), first ?? []);
}

/**
 * Renders the transition table as a Mermaid `stateDiagram-v2`. Arrows are the rows that change
 * the state, labelled with their commands; commands legal without a state change are listed in a
 * note on the state (self-loops would drown the picture), those legal in every state once; states
 * with no exit end at `[*]`.
 *
 * @example
 * const mermaid = renderStateDiagram(); // "stateDiagram-v2\n    [*] --> pending_payment : PlaceOrder\n..."
 */
export function renderStateDiagram(machine: OrderStateMachine = orderStateMachine): string {
  const lines = ['stateDiagram-v2'];
  const common = everywhere(machine);
  const notes: string[] = [];
  for (const [key, commands] of edges(machine)) {
    const [from, to] = key.split(' ') as [OrderLifecycleStatus, OrderLifecycleStatus];
    const own = commands.filter((command) => !common.includes(command));
    if (from !== to) lines.push(`    ${node(from)} --> ${node(to)} : ${commands.join(', ')}`);
    else if (own.length > 0) notes.push(`    note right of ${from} : also ${own.join(', ')} (no state change)`);
  }
  const states = [...new Set(machine.rows.flatMap((row) => [row.from, row.to]))];
  for (const status of states) {
    if (status !== NOT_PLACED && machine.isFinal(status)) lines.push(`    ${status} --> [*]`);
  }
  const first = machine.rows.find((row) => row.from === NOT_PLACED)?.to;
  if (first && common.length > 0) notes.unshift(`    note left of ${first} : every placed state takes ${common.join(', ')} (no state change unless an arrow says so)`);
  return [...lines, ...notes].join('\n');
}

/** Renders the table rows as a Markdown table (from, command, to, why), in data-file order. */
export function renderTransitionTable(machine: OrderStateMachine = orderStateMachine): string {
  const header = ['| from | command | to | why |', '|---|---|---|---|'];
  const body = machine.rows.map(
    (row) => `| \`${row.from}\` | \`${row.command}\` | \`${row.to}\` | ${row.why.replace(/\|/g, '\\|')} |`,
  );
  return [...header, ...body].join('\n');
}
