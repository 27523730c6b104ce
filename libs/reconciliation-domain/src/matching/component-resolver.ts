import { settlementWindowPassed } from '../policy/precision-policy';
import type { BankLine } from '../model/bank-line';
import type { ExpectedFlow } from '../model/expected-flow';
import type { MatchGroup } from '../model/match-group';
import type { ReconciliationConfig } from '../model/reconciliation-config';
import type { ReviewItem } from '../model/review-item';
import { settleGroup } from './group-settlement';
import { missingBankLine, missingPayment } from './review-item.factory';

/** Where resolved outcomes go. */
export interface OutcomeSink {
  matches: MatchGroup[];
  reviewItems: ReviewItem[];
  pending: ExpectedFlow[];
}

const byId = <T>(id: (value: T) => string) => (a: T, b: T): number => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
const byFlowId = byId<ExpectedFlow>((flow) => flow.flowId);
const byLineId = byId<BankLine>((line) => line.lineId);
const byTimeThen = <T extends { time: { epochMs: number } }>(tieBreak: (a: T, b: T) => number) => (a: T, b: T): number =>
  a.time.epochMs - b.time.epochMs || tieBreak(a, b);

function leaveUnmatched(flows: readonly ExpectedFlow[], lines: readonly BankLine[], config: ReconciliationConfig, sink: OutcomeSink): void {
  for (const flow of flows) {
    if (settlementWindowPassed(flow.time, config.settlementWindowMs, config.now)) sink.reviewItems.push(missingBankLine(flow, config.settlementWindowMs));
    else sink.pending.push(flow);
  }
  for (const line of lines) sink.reviewItems.push(missingPayment(line));
}

/**
 * Pairs flows and lines of equal amount and currency one to one, earliest first on both sides,
 * and returns what is left. Exact pairs first, so two refunds of one payment each find their own
 * debit line instead of being lumped together.
 */
function pairExactAmounts(flows: ExpectedFlow[], lines: BankLine[], config: ReconciliationConfig, sink: OutcomeSink) {
  const waiting = new Map<string, BankLine[]>();
  for (const line of [...lines].sort(byTimeThen(byLineId))) {
    const key = `${line.currency}:${line.amount}`;
    const bucket = waiting.get(key);
    if (bucket) bucket.push(line);
    else waiting.set(key, [line]);
  }
  const paired = new Set<BankLine>();
  const leftFlows: ExpectedFlow[] = [];
  for (const flow of [...flows].sort(byTimeThen(byFlowId))) {
    const line = waiting.get(`${flow.currency}:${flow.amount}`)?.shift();
    if (!line) leftFlows.push(flow);
    else {
      paired.add(line);
      settleGroup([flow], [line], config, sink);
    }
  }
  return { leftFlows: leftFlows.sort(byFlowId), leftLines: lines.filter((line) => !paired.has(line)) };
}

/**
 * Resolves one component (flows and lines connected by references, same direction). Each flow
 * and each line leaves in exactly one outcome — a match group, a review item or pending — so
 * nothing is matched twice. Lists are sorted by id first: the result depends on the component's
 * content only, never on input order.
 */
export function resolveComponent(flows: ExpectedFlow[], lines: BankLine[], config: ReconciliationConfig, sink: OutcomeSink): void {
  if (flows.length === 1 && lines.length === 1) return settleGroup(flows, lines, config, sink); // the common case: nothing to pair
  flows.sort(byFlowId);
  lines.sort(byLineId);
  if (flows.length === 0 || lines.length === 0) return leaveUnmatched(flows, lines, config, sink);
  const { leftFlows, leftLines } = pairExactAmounts(flows, lines, config, sink);
  // What is left settles as one group (one payment in several lines, a merged cart in one line,
  // or several to several); its sums must still agree to the fen.
  if (leftFlows.length > 0 && leftLines.length > 0) settleGroup(leftFlows, leftLines, config, sink);
  else leaveUnmatched(leftFlows, leftLines, config, sink);
}
