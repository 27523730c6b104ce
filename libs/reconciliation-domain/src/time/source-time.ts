/**
 * A time as one side of reconciliation recorded it. The text is kept verbatim because the
 * source article's complaint is "finance compares the wrong clocks": an auditor must see what
 * the bank or the provider actually wrote, not only our reading of it.
 */
export interface SourceTime {
  /**
   * The earliest instant the text can denote, in epoch milliseconds. A second-precision text
   * `10:31:02` reads as `10:31:02.000` (exports truncate, they do not round).
   */
  epochMs: number;
  /**
   * Width of the interval the text denotes, in ms: 1 for millisecond precision, 1000 for
   * second precision, 86 400 000 for a date only. The instant lies in `[epochMs, epochMs + resolutionMs)`.
   */
  resolutionMs: number;
  /** The time exactly as the source wrote it. */
  text: string;
}

/** Resolution of a text with milliseconds (or finer digits, which are truncated). */
export const MILLISECOND_RESOLUTION = 1;
/** Resolution of a text with whole seconds only — provider bills and many bank exports. */
export const SECOND_RESOLUTION = 1_000;
/** Resolution of a date without a time (camt.053 `BookgDt/Dt`). */
export const DAY_RESOLUTION = 86_400_000;

/** The last millisecond a source time can denote. */
export function latestInstant(time: SourceTime): number {
  return time.epochMs + time.resolutionMs - 1;
}
