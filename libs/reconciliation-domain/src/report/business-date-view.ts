import type { BankLine } from '../model/bank-line';
import type { ExpectedFlow } from '../model/expected-flow';
import { outcomeInstant } from '../model/outcome-instant';
import type { ReconciliationResult } from '../model/reconciliation-result';
import { DAY_MS, shanghaiDayStart } from '../time/shanghai-clock';

const flowCountOf = (result: Pick<ReconciliationResult, 'matches' | 'reviewItems' | 'pending'>): number =>
  result.matches.reduce((total, group) => total + group.flows.length, 0) +
  result.reviewItems.filter((item) => item.cause === 'MISSING_BANK_LINE').length +
  result.pending.length;

const lineCountOf = (result: Pick<ReconciliationResult, 'matches' | 'reviewItems'>): number =>
  result.matches.reduce((total, group) => total + group.bankLines.length, 0) +
  result.reviewItems.filter((item) => item.cause === 'MISSING_PAYMENT').length;

/**
 * The part of a result that belongs to `businessDate` (`YYYY-MM-DD`, Asia/Shanghai) — each outcome
 * by its {@link outcomeInstant} — with the
 * flow and line counts recomputed for that day. Every flow and line sits in exactly one outcome,
 * so the counts are exact.
 */
export function resultForBusinessDate(result: ReconciliationResult, businessDate: string): ReconciliationResult {
  const start = shanghaiDayStart(businessDate);
  const onDate = (flows: readonly ExpectedFlow[], lines: readonly BankLine[]): boolean => {
    const instant = outcomeInstant(flows, lines);
    return instant >= start && instant < start + DAY_MS;
  };
  const view = {
    matches: result.matches.filter((group) => onDate(group.flows, group.bankLines)),
    reviewItems: result.reviewItems.filter((item) => onDate(item.flows, item.bankLines)),
    pending: result.pending.filter((flow) => onDate([flow], [])),
  };
  return { ...view, flowCount: flowCountOf(view), bankLineCount: lineCountOf(view) };
}
