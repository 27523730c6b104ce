import type { ExpectedFlow } from './expected-flow';
import type { MatchGroup } from './match-group';
import type { ReviewItem } from './review-item';

/**
 * What matching found. Every input flow is in exactly one of: a match group, a MISSING_BANK_LINE
 * item, or `pending`; every input line is in exactly one match group or MISSING_PAYMENT item.
 * Every list is in time order (`outcomeInstant`), ties broken by id, so equal inputs in any
 * order give an equal result.
 */
export interface ReconciliationResult {
  /** Matched groups, clean or not, by time, then first flow id. */
  matches: MatchGroup[];
  /** Review items, by time, then reviewItemId. */
  reviewItems: ReviewItem[];
  /** Flows without a bank line whose settlement window has not passed yet, by time, then flowId. */
  pending: ExpectedFlow[];
  /** Count of input flows. */
  flowCount: number;
  /** Count of input bank lines. */
  bankLineCount: number;
}
