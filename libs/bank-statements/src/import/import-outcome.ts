import { maskAccountNumber } from '../model/account-mask';
import type { BadRow, StatementImport, StatementImportOptions } from '../model/statement-import';
import { buildStatementLines } from './statement-line.builder';
import type { RowOutcome, StatementRowFields } from './statement-row';

/** A whole-file problem (undecodable, truncated, no header): reported as row 0, nothing imported. */
export function rejectFile(fileFingerprint: string, reason: string, sourceLine = 0): StatementImport {
  return { ok: false, fileFingerprint, badRows: [{ rowNumber: 0, sourceLine, reason }] };
}

/**
 * Decides a file's import from its rows. The field rule of issue 7: a file with a bad row is
 * refused as a whole — a half-imported statement looks complete and hides the missing money —
 * unless the caller explicitly asked to `skipBadRows`, in which case the bad rows are listed.
 */
export function concludeImport(
  fileFingerprint: string,
  outcomes: readonly RowOutcome[],
  options: StatementImportOptions,
  accountNumber: string,
): StatementImport {
  const fields: StatementRowFields[] = [];
  const badRows: BadRow[] = [];
  const ignoredRows: BadRow[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind === 'line') fields.push(outcome.fields);
    else if (outcome.kind === 'bad') badRows.push(outcome.row);
    else ignoredRows.push(outcome.row);
  }
  if (badRows.length > 0 && !options.skipBadRows) return { ok: false, fileFingerprint, badRows };
  const context = {
    bankCode: options.bankCode,
    maskedAccountNumber: maskAccountNumber(accountNumber),
    receivedAt: options.receivedAt,
    statementId: options.statementId ?? `sha256:${fileFingerprint}`,
  };
  return { ok: true, fileFingerprint, lines: buildStatementLines(fields, context), skippedRows: badRows, ignoredRows };
}
