import { decodeStatementText, type StatementEncoding } from '../encoding/statement-text.decoder';
import { fileFingerprint } from '../identity/file-fingerprint';
import { concludeImport, rejectFile } from '../import/import-outcome';
import type { StatementImport, StatementImportOptions } from '../model/statement-import';
import { entryLines, readCamt053Document } from './camt053-document';
import { mapCamtEntry } from './camt053-entry.mapper';
import { child, children, textOf } from './xml-node';

/** Options of a camt.053 import. */
export interface Camt053Options extends StatementImportOptions {
  /** Byte encoding (default `auto`: UTF-8 as ISO 20022 prescribes, GB18030 if the bytes are not UTF-8). */
  encoding?: StatementEncoding;
}

/**
 * Parses an ISO 20022 camt.053 statement (BkToCstmrStmt/Stmt/Ntry) from its bytes: signed fen
 * from Amt + CdtDbtInd, the bank time from BookgDt/DtTm (or Dt, day precision), references from
 * NtryDtls/TxDtls/Refs (EndToEndId, TxId, InstrId) and RmtInf/Ustrd. Row numbers are entry
 * ordinals; `sourceLine` is the line of the entry's `<Ntry>` tag. Truncated or malformed XML is
 * refused as a whole.
 *
 * @example
 * const result = parseCamt053Statement(bytes, { bankCode: 'CMB', receivedAt });
 */
export function parseCamt053Statement(bytes: Buffer, options: Camt053Options): StatementImport {
  const fingerprint = fileFingerprint(bytes);
  const { text } = decodeStatementText(bytes, options.encoding);
  const document = readCamt053Document(text);
  if (!document.ok) return rejectFile(fingerprint, document.reason, document.line);
  const lines = entryLines(text);
  const entries = document.statements.flatMap((statement) => children(statement, [], 'Ntry').map((entry) => ({ statement, entry })));
  const outcomes = entries.map(({ statement, entry }, index) => {
    const currency = textOf(child(statement, 'Acct', 'Ccy')) ?? options.currency ?? 'CNY';
    return mapCamtEntry(entry, { rowNumber: index + 1, sourceLine: lines[index] ?? 0 }, currency);
  });
  const first = document.statements[0];
  const account = options.accountNumber ?? textOf(child(first, 'Acct', 'Id', 'IBAN')) ?? textOf(child(first, 'Acct', 'Id', 'Othr', 'Id')) ?? '';
  return concludeImport(fingerprint, outcomes, options, account);
}
