import type { TimeGap } from '../policy/precision-policy';
import type { BankLine } from '../model/bank-line';
import type { ExpectedFlow } from '../model/expected-flow';
import type { ReviewCause, ReviewItem } from '../model/review-item';

/** Builds review items with deterministic ids and a one-sentence detail for the reviewer. */

function ids(flows: readonly ExpectedFlow[], lines: readonly BankLine[]): string {
  if (flows.length === 1 && lines.length === 1) return `${flows[0].flowId}=${lines[0].lineId}`;
  return `${flows.map((flow) => flow.flowId).join('+')}=${lines.map((line) => line.lineId).join('+')}`;
}

function item(cause: ReviewCause, flows: readonly ExpectedFlow[], lines: readonly BankLine[], detail: string, extra: Partial<ReviewItem> = {}): ReviewItem {
  return { reviewItemId: `${cause}:${ids(flows, lines)}`, cause, flows, bankLines: lines, amountDifference: 0, timeGap: null, detail, ...extra };
}

/** A flow the bank has not shown once its settlement window passed. */
export function missingBankLine(flow: ExpectedFlow, settlementWindowMs: number): ReviewItem {
  const what = flow.kind === 'PAYMENT' ? 'payment' : 'refund';
  return item('MISSING_BANK_LINE', [flow], [], `${what} ${flow.flowId} of ${flow.amount} fen at ${flow.time.text} has no bank line after ${settlementWindowMs} ms`);
}

/** A bank line no order-side flow explains. */
export function missingPayment(line: BankLine): ReviewItem {
  const what = line.amount < 0 ? 'debit' : 'credit';
  return item('MISSING_PAYMENT', [], [line], `bank ${what} ${line.bankTransactionRef} of ${line.amount} fen at ${line.time.text} matches no payment or refund`);
}

/** Sums differ although the references match. */
export function amountMismatch(flows: readonly ExpectedFlow[], lines: readonly BankLine[], orderAmount: number, bankAmount: number): ReviewItem {
  const difference = bankAmount - orderAmount;
  return item('AMOUNT_MISMATCH', flows, lines, `bank ${bankAmount} fen vs order ${orderAmount} fen (difference ${difference} fen)`, { amountDifference: difference });
}

/** Currencies differ although the references match. */
export function currencyMismatch(flows: readonly ExpectedFlow[], lines: readonly BankLine[]): ReviewItem {
  const currencies = [...new Set([...flows, ...lines].map((side) => side.currency))].sort().join(', ');
  return item('CURRENCY_MISMATCH', flows, lines, `currencies differ: ${currencies}`);
}

/** The bank's time and the order's time are certainly too far apart. */
export function timeGapItem(flows: readonly ExpectedFlow[], lines: readonly BankLine[], gap: TimeGap, maxTimeGapMs: number): ReviewItem {
  const detail = `bank time vs order time: at least ${gap.minMs} ms apart (at most ${gap.maxMs} ms), tolerance ${maxTimeGapMs} ms`;
  return item('TIME_GAP', flows, lines, detail, { timeGap: gap });
}

/** The id a match group gets: its flow ids and line ids. */
export const matchIdOf = ids;
