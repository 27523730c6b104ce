import { parse } from 'csv-parse/sync';
import { decodeStatementText, type StatementEncoding } from '../encoding/statement-text.decoder';
import { fileFingerprint } from '../identity/file-fingerprint';
import { concludeImport, rejectFile } from '../import/import-outcome';
import { cellValue, type RowOutcome } from '../import/statement-row';
import type { StatementImport, StatementImportOptions } from '../model/statement-import';
import type { CsvColumnMapping } from './csv-column-mapping';
import { locateHeader } from './csv-header.locator';
import { mapCsvRow } from './csv-row.mapper';

/** Options of a CSV statement import. */
export interface CsvStatementOptions extends StatementImportOptions {
  /** Which header names hold what. */
  mapping: CsvColumnMapping;
  /** The merchant's account number (CSV exports rarely repeat it per row). */
  accountNumber: string;
  /** Byte encoding; `auto` (default) detects UTF-8 (with or without BOM) or GBK/GB18030. */
  encoding?: StatementEncoding;
  /** Field delimiter (default `,`). */
  delimiter?: string;
  /** The file line of the header; by default the first record holding every mapped name. */
  headerRowNumber?: number;
  /** Rows whose first cell starts with one of these are footers, not lines (default 合计, 总计). */
  footerPrefixes?: readonly string[];
}

interface NumberedRecord {
  record: string[];
  line: number;
}

// csv-parse reports the line a record ends on; a quoted cell may span lines, so count back.
const startLine = (record: string[], endLine: number): number => endLine - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);

function readRecords(text: string, delimiter: string): NumberedRecord[] {
  const rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  return rows.map(({ record, info }) => ({ record, line: startLine(record, info.lines) })).filter(({ record }) => record.some((cell) => cell.trim() !== ''));
}

function outcomeOf(numbered: NumberedRecord, options: CsvStatementOptions, header: Parameters<typeof mapCsvRow>[1]): RowOutcome {
  const first = cellValue(numbered.record.find((cell) => cell.trim() !== '')) ?? '';
  const footer = (options.footerPrefixes ?? ['合计', '总计']).find((prefix) => first.startsWith(prefix));
  if (footer) return { kind: 'ignored', row: { rowNumber: numbered.line, sourceLine: numbered.line, reason: `footer row (${footer})` } };
  return mapCsvRow(numbered.record, header, options.mapping, numbered.line, options.currency ?? 'CNY');
}

/**
 * Parses a CSV bank statement from its bytes (no file system access): decodes (GBK or UTF-8, BOM
 * removed), finds the header under any preamble, maps each row by the column mapping. Row numbers
 * are file line numbers, as finance sees them in an editor. A bad row refuses the whole file
 * unless `skipBadRows` is set.
 *
 * @example
 * const result = parseCsvStatement(bytes, { bankCode: 'ICBC', accountNumber: '6222021001116021', receivedAt, mapping });
 * if (!result.ok) console.error(result.badRows); // [{ rowNumber: 7, reason: 'amount: "12.345" has more than 2 decimal places' }]
 */
export function parseCsvStatement(bytes: Buffer, options: CsvStatementOptions): StatementImport {
  const fingerprint = fileFingerprint(bytes);
  const { text } = decodeStatementText(bytes, options.encoding);
  let records: NumberedRecord[];
  try {
    records = readRecords(text, options.delimiter ?? ',');
  } catch (error) {
    const lines = (error as { lines?: number }).lines ?? 0;
    return rejectFile(fingerprint, `not readable as CSV: ${(error as Error).message}`, lines);
  }
  const headerIndex = options.headerRowNumber === undefined ? undefined : records.findIndex(({ line }) => line === options.headerRowNumber);
  const header = locateHeader(records.map(({ record }) => record), options.mapping, headerIndex === -1 ? records.length : headerIndex);
  if ('missing' in header) return rejectFile(fingerprint, `no header row with the mapped columns; missing: ${header.missing.join(', ')}`);
  const outcomes = records.slice(header.recordIndex + 1).map((numbered) => outcomeOf(numbered, options, header));
  return concludeImport(fingerprint, outcomes, options, options.accountNumber);
}
