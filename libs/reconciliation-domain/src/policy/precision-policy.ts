import { latestInstant, type SourceTime } from '../time/source-time';

/**
 * PRECISION POLICY — how the 500 ms rule ("a gap over 500 ms between the bank's time and the
 * order's paid_at goes to review", DESIGN.md) applies when a side has only whole seconds.
 *
 * 1. A time text denotes an interval, not an instant: `10:31:02` (second precision) is every
 *    instant in [10:31:02.000, 10:31:03.000); `10:31:02.412` is the single millisecond .412;
 *    a date alone is its whole Asia/Shanghai day. Bank exports and provider bills truncate to the
 *    second (WeChat Pay `success_time`, the `交易时间` column of Chinese bank exports), so the
 *    interval starts at the written second.
 * 2. The gap between two times is an interval too: from the smallest possible gap (0 when the
 *    intervals overlap) to the largest possible one.
 * 3. A pair is flagged TIME_GAP only when the SMALLEST possible gap exceeds the tolerance —
 *    that is, only when the gap is certain. With millisecond precision on both sides this is the
 *    plain rule: 500 ms passes, 501 ms is flagged. With `10:31:02` against `10:31:03.499` the
 *    smallest gap is 500 ms (passes); against `10:31:03.500` it is 501 ms (flagged).
 * 4. The largest possible gap is kept on every match and printed in the report, so a reviewer
 *    sees "0–1 412 ms" and knows the rule could not see below a second there.
 *
 * Why not flag on the largest gap? Against a second-precision side it is at least 999 ms for
 * every pair, so every second-precision line would be flagged and the review queue would fill
 * with noise until nobody reads it — the opposite of the goal. A review item must state a fact.
 *
 * Missing offsets are never UTC: naive text is Asia/Shanghai (see `bank-time.parser.ts`).
 */

/** The smallest and largest gap two source times allow, in ms (never negative). */
export interface TimeGap {
  /** Smallest possible distance between the two instants; 0 when their intervals overlap. */
  minMs: number;
  /** Largest possible distance between the two instants. */
  maxMs: number;
}

/** Default tolerance between bank time and `paidAt` (DESIGN.md: "a gap over 500 ms"). */
export const DEFAULT_MAX_TIME_GAP_MS = 500;

/** One-paragraph statement of the policy, printed in the reports. */
export const PRECISION_POLICY_SUMMARY =
  'Times are intervals at their written precision (a second-precision time s covers [s, s+1000 ms)); ' +
  'a TIME_GAP is raised only when the smallest possible gap between bank time and order time exceeds the tolerance. ' +
  'Times without an offset are Asia/Shanghai (+08:00), never UTC.';

/**
 * The gap between two source times under the policy above.
 *
 * @example
 * // paid 10:31:02 (second precision), bank 10:31:03.500 (ms): smallest gap 501 ms, largest 1500 ms
 * timeGapBetween(paid, bank); // { minMs: 501, maxMs: 1500 }
 */
export function timeGapBetween(a: SourceTime, b: SourceTime): TimeGap {
  const aLast = latestInstant(a);
  const bLast = latestInstant(b);
  const minMs = Math.max(0, b.epochMs - aLast, a.epochMs - bLast);
  const maxMs = Math.max(bLast - a.epochMs, aLast - b.epochMs);
  return { minMs, maxMs };
}

/** True when the gap is certainly over the tolerance — the only case that raises TIME_GAP. */
export function exceedsTimeTolerance(gap: TimeGap, maxTimeGapMs: number): boolean {
  return gap.minMs > maxTimeGapMs;
}

/**
 * True when a settlement window has certainly passed for a flow recorded at `time`: even its
 * latest possible instant is more than `windowMs` before `now`. Same "only when certain" rule.
 */
export function settlementWindowPassed(time: SourceTime, windowMs: number, now: number): boolean {
  return now - latestInstant(time) > windowMs;
}
