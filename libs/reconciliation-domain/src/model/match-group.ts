import type { TimeGap } from '../policy/precision-policy';
import type { BankLine } from './bank-line';
import type { ExpectedFlow } from './expected-flow';

/**
 * Shape of a match: one flow to one line; one flow settled in several lines (SPLIT); several
 * flows in one line (MERGED, e.g. a merged cart); several to several (GROUP).
 */
export type MatchShape = 'ONE_TO_ONE' | 'SPLIT' | 'MERGED' | 'GROUP';

/** Flows and bank lines matched together by reference. Each flow and each line is in at most one group. */
export interface MatchGroup {
  /** Deterministic id: the flow ids and line ids of the group. */
  matchId: string;
  /** How many on each side. */
  shape: MatchShape;
  /** Order-side flows, sorted by flowId. */
  flows: readonly ExpectedFlow[];
  /** Bank lines, sorted by lineId. */
  bankLines: readonly BankLine[];
  /** Sum of the flows, signed fen. */
  orderAmount: number;
  /** Sum of the bank lines, signed fen. */
  bankAmount: number;
  /** The widest gap between any flow and any line of the group (see the precision policy). */
  timeGap: TimeGap;
  /** True when no review item was raised for the group: amounts, currency and times agree. */
  clean: boolean;
}
