import type { SourceTime } from '@oms/reconciliation-domain';
import type { BadRow } from '../model/statement-import';

/** One row's fields, normalised, whatever the file format. Amounts are signed fen. */
export interface StatementRowFields {
  /** CSV line number or camt.053 entry ordinal. */
  rowNumber: number;
  /** Line of the file the row starts on. */
  sourceLine: number;
  bankTransactionRef: string | null;
  amountFen: number;
  currency: string;
  bankTime: SourceTime;
  /** `YYYY-MM-DD` when the file has a booking date apart from the time. */
  bookingDate: string | null;
  transactionId: string | null;
  outTradeNo: string | null;
  /** Further references the format carries (camt.053 EndToEndId, TxId…). */
  extraReferences: readonly string[];
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  counterpartyBank: string | null;
  summary: string | null;
  remark: string | null;
  balanceAfterFen: number | null;
}

/** What reading one row gave: fields, a bad row, or a row deliberately not imported. */
export type RowOutcome =
  | { kind: 'line'; fields: StatementRowFields }
  | { kind: 'bad'; row: BadRow }
  | { kind: 'ignored'; row: BadRow };

/** A blank cell is no value: banks pad optional columns with spaces. */
export function cellValue(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
