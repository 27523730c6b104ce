import type { BankLine } from '../model/bank-line';
import type { ExpectedFlow } from '../model/expected-flow';
import type { ReconciliationConfig } from '../model/reconciliation-config';
import type { ReconciliationResult } from '../model/reconciliation-result';
import { outcomeInstant } from '../model/outcome-instant';
import { canonicalOrder, chronologicalOrder } from './canonical-order';
import { resolveComponent, type OutcomeSink } from './component-resolver';
import { buildComponents } from './flow-components';

function assertUniqueIds<T>(items: readonly T[], id: (item: T) => string, what: string): void {
  const { repeated } = canonicalOrder(items, id);
  // A repeated id would let one payment or line be matched twice; the import dedups re-imports
  // by content id, so a repeat here is a caller bug, not data to reconcile.
  if (repeated !== null) throw new RangeError(`Duplicate ${what} id ${JSON.stringify(repeated)}: each must be given once`);
}

/**
 * Reconciles order-side flows (payments +, refunds −) with bank statement lines: matches by
 * transaction id / out_trade_no / refund ids and amount, compares the two timelines under the
 * precision policy, and raises review items with both sides attached.
 *
 * Guarantees: every flow and every line is matched at most once (repeated ids are refused); the
 * result is equal for the same inputs in any order (each component is resolved from its content
 * sorted by id, every output list is in time order, ties by id); matching itself is linear in the
 * input — Maps and a union-find over indices — and runs in input order, which keeps memory access
 * sequential for feeds that arrive in time order; putting the outputs in order is a sort by time.
 *
 * @example
 * const result = reconcile(flows, lines, reconciliationConfig(Date.parse('2024-06-19T09:00:00+08:00')));
 * result.reviewItems.filter((item) => item.cause === 'AMOUNT_MISMATCH');
 */
export function reconcile(flows: readonly ExpectedFlow[], lines: readonly BankLine[], config: ReconciliationConfig): ReconciliationResult {
  assertUniqueIds(flows, (flow) => flow.flowId, 'flow');
  assertUniqueIds(lines, (line) => line.lineId, 'bank line');
  const { members, starts, count } = buildComponents(flows, lines);
  const sink: OutcomeSink = { matches: [], reviewItems: [], pending: [] };
  for (let k = 0; k < count; k++) {
    const componentFlows: ExpectedFlow[] = [];
    const componentLines: BankLine[] = [];
    for (let m = starts[k]; m < starts[k + 1]; m++) {
      const node = members[m];
      if (node < flows.length) componentFlows.push(flows[node]);
      else componentLines.push(lines[node - flows.length]);
    }
    resolveComponent(componentFlows, componentLines, config, sink);
  }
  return {
    // A group's first flow id is unique among groups (each flow is in one group), so it breaks time ties.
    matches: chronologicalOrder(sink.matches, (group) => outcomeInstant(group.flows, group.bankLines), (group) => group.flows[0].flowId),
    reviewItems: chronologicalOrder(sink.reviewItems, (item) => outcomeInstant(item.flows, item.bankLines), (item) => item.reviewItemId),
    pending: chronologicalOrder(sink.pending, (flow) => flow.time.epochMs, (flow) => flow.flowId),
    flowCount: flows.length,
    bankLineCount: lines.length,
  };
}
