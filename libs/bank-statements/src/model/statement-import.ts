import type { BankStatementLine } from '@oms/contracts';
import type { SourceTime } from '@oms/reconciliation-domain';

/** One imported statement line: the contract record to publish, plus what matching needs. */
export interface ParsedStatementLine {
  /**
   * Stable content-derived id (`bsl-` + 32 hex of a SHA-256): of the bank's reference when the
   * file has one, else of the normalised row. Re-importing the same file gives the same ids, so
   * downstream dedup by id creates no duplicates.
   */
  lineId: string;
  /** Where the line is in the file: the CSV line number, or the camt.053 entry ordinal (1-based). */
  rowNumber: number;
  /** The bank's time exactly as the file wrote it, read as Asia/Shanghai when it has no offset. */
  bankTime: SourceTime;
  /** The merchant trade number, when the file names one (it has no field in the contract record). */
  outTradeNo: string | null;
  /** Every payment reference the line names: transaction id, out_trade_no, camt refs, remark ids. */
  references: string[];
  /** The line as the `BankStatementLine` contract record (`oms.ingress.bank-statements.v1`). */
  record: BankStatementLine;
}

/** A row that could not be imported, and why. */
export interface BadRow {
  /** The CSV line number, or the camt.053 entry ordinal (1-based); 0 for a problem with the whole file. */
  rowNumber: number;
  /** The line of the file where the row starts (equal to rowNumber for CSV). */
  sourceLine: number;
  /** Why, naming the field: e.g. `amount: "12.345" has more than 2 decimal places`. */
  reason: string;
}

/** An import that succeeded: every good line, and the bad rows skipped when `skipBadRows` was set. */
export interface AcceptedImport {
  ok: true;
  /** SHA-256 (hex) of the file's bytes. */
  fileFingerprint: string;
  /** The lines, in file order. */
  lines: ParsedStatementLine[];
  /** Bad rows left out (only ever non-empty with `skipBadRows`). */
  skippedRows: BadRow[];
  /** Rows deliberately not imported (footer totals, non-booked camt entries), with the reason. */
  ignoredRows: BadRow[];
}

/** An import that was refused as a whole: nothing of the file is imported. */
export interface RejectedImport {
  ok: false;
  /** SHA-256 (hex) of the file's bytes. */
  fileFingerprint: string;
  /** Every bad row (or one row 0 for a file-level problem such as truncated XML). */
  badRows: BadRow[];
}

/** The outcome of importing one statement file. */
export type StatementImport = AcceptedImport | RejectedImport;

/** Options shared by every statement format. */
export interface StatementImportOptions {
  /** The bank the file comes from (CMB, ICBC, BOC…); part of each line's id, so keep it stable. */
  bankCode: string;
  /** The merchant's account number; stored masked except the last four digits. Required for CSV; camt.053 reads Stmt/Acct when absent. */
  accountNumber?: string;
  /** When the file was received, epoch ms — an input, parsing reads no clock. */
  receivedAt: number;
  /** The statement id to record; defaults to `sha256:<file fingerprint>`. */
  statementId?: string;
  /** Currency when the file has none (default CNY). */
  currency?: string;
  /** Import every good row and list the bad ones, instead of refusing the whole file. */
  skipBadRows?: boolean;
}
