import { exceedsTimeTolerance, timeGapBetween, type TimeGap } from '../policy/precision-policy';
import type { BankLine } from '../model/bank-line';
import type { ExpectedFlow } from '../model/expected-flow';
import type { MatchGroup, MatchShape } from '../model/match-group';
import type { ReconciliationConfig } from '../model/reconciliation-config';
import type { ReviewItem } from '../model/review-item';
import { amountMismatch, currencyMismatch, matchIdOf, timeGapItem } from './review-item.factory';

function shapeOf(flowCount: number, lineCount: number): MatchShape {
  if (flowCount === 1) return lineCount === 1 ? 'ONE_TO_ONE' : 'SPLIT';
  return lineCount === 1 ? 'MERGED' : 'GROUP';
}

/** The widest gap over every flow × line pair: each pair must meet the two-timeline rule. */
function widestGap(flows: readonly ExpectedFlow[], lines: readonly BankLine[]): TimeGap {
  if (flows.length === 1 && lines.length === 1) return timeGapBetween(flows[0].time, lines[0].time);
  let minMs = 0;
  let maxMs = 0;
  for (const flow of flows) {
    for (const line of lines) {
      const gap = timeGapBetween(flow.time, line.time);
      minMs = Math.max(minMs, gap.minMs);
      maxMs = Math.max(maxMs, gap.maxMs);
    }
  }
  return { minMs, maxMs };
}

function sum(sides: readonly { amount: number }[]): number {
  let total = 0;
  for (const side of sides) total += side.amount;
  return total;
}

function sameCurrency(flows: readonly ExpectedFlow[], lines: readonly BankLine[]): boolean {
  const currency = flows[0].currency;
  for (const side of flows) if (side.currency !== currency) return false;
  for (const side of lines) if (side.currency !== currency) return false;
  return true;
}

/**
 * Settles flows against the lines matched to them by reference, pushes the group to `matches`
 * and what disagrees to `reviewItems`: any amount difference (one fen is enough — money is
 * exact), a currency difference, or a time gap that is certainly over the tolerance (the
 * dual-timeline rule, see the precision policy). Both lists must be in canonical (id) order.
 */
export function settleGroup(
  flows: readonly ExpectedFlow[],
  lines: readonly BankLine[],
  config: ReconciliationConfig,
  sink: { matches: MatchGroup[]; reviewItems: ReviewItem[] },
): void {
  const orderAmount = sum(flows);
  const bankAmount = sum(lines);
  const timeGap = widestGap(flows, lines);
  const itemsBefore = sink.reviewItems.length;
  // Amounts in different currencies cannot be compared, so that mismatch is the only money finding.
  if (!sameCurrency(flows, lines)) sink.reviewItems.push(currencyMismatch(flows, lines));
  else if (orderAmount !== bankAmount) sink.reviewItems.push(amountMismatch(flows, lines, orderAmount, bankAmount));
  if (exceedsTimeTolerance(timeGap, config.maxTimeGapMs)) sink.reviewItems.push(timeGapItem(flows, lines, timeGap, config.maxTimeGapMs));
  sink.matches.push({
    matchId: matchIdOf(flows, lines),
    shape: shapeOf(flows.length, lines.length),
    flows,
    bankLines: lines,
    orderAmount,
    bankAmount,
    timeGap,
    clean: sink.reviewItems.length === itemsBefore,
  });
}
