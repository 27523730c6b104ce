import type { SourceTime } from '../time/source-time';

/**
 * One bank statement line as matching sees it. Signed amount like `BankStatementLine`: money in
 * is positive, refunds and fees out are negative.
 */
export interface BankLine {
  /** Stable id, unique among lines (the content-derived id from the import, or the bank ref). */
  lineId: string;
  /** The bank's reference of the line (交易流水号). */
  bankTransactionRef: string;
  /** Signed amount in fen. */
  amount: number;
  /** ISO 4217 currency. */
  currency: string;
  /**
   * Every payment reference the line names: provider transaction ids, out_trade_nos, refund ids,
   * merged-cart references. A merged cart's line names several.
   */
  references: readonly string[];
  /** The bank's time — when finance received (or paid out) the money — with its precision. */
  time: SourceTime;
  /** Counterparty account name (对方户名), for the reviewer. */
  counterpartyName: string | null;
  /** The bank's summary or the payer's remark, for the reviewer. */
  remark: string | null;
}
