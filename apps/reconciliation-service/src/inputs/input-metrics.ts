import { Counter, register } from 'prom-client';

function counter(name: string, help: string, labelNames: string[]): Counter {
  // One registry per process; a second app instance in the same process (tests) reuses it.
  return (register.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help, labelNames });
}

/** Input records, by record name and outcome (stored, duplicate, ignored). */
export const inputsRecordedTotal = counter('oms_reconciliation_inputs_total', 'Records consumed by reconciliation', ['record', 'outcome']);
/** Matching runs, by outcome (ok, failed). */
export const matchingRunsTotal = counter('oms_reconciliation_matching_runs_total', 'Matching runs over the stored inputs', ['outcome']);
/** Review queue actions, by action. */
export const reviewActionsTotal = counter('oms_reconciliation_review_actions_total', 'Audited review queue actions', ['action']);
