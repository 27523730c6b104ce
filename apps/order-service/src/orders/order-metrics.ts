import { Counter, register } from 'prom-client';

/** A counter of the process registry (created once, then reused). */
export function counter(name: string, help: string, labelNames: string[]): Counter {
  // One registry per process; a second app instance in the same process (tests) reuses it.
  return (register.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help, labelNames });
}

/** Commands decided, by command type and outcome (accepted, duplicate, rejected, unknown-order). */
export const commandsTotal = counter('oms_order_commands_total', 'Order commands decided', ['command', 'outcome']);

/** Events appended to order streams, by type. */
export const eventsAppendedTotal = counter('oms_order_events_appended_total', 'Order events appended', ['type']);

/** Append conflicts (another writer got there first), by how they were resolved. */
export const appendConflictsTotal = counter('oms_order_append_conflicts_total', 'Order stream append conflicts', ['resolution']);
