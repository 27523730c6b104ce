import { readFile } from 'node:fs/promises';
import { parseCamt053Statement, type Camt053Options } from '../camt/camt053.parser';
import { parseCsvStatement, type CsvStatementOptions } from '../csv/csv-statement.parser';
import type { StatementImport } from '../model/statement-import';

/** A statement file's format and its options; the format is stated, never guessed from the name. */
export type StatementFileOptions = ({ format: 'csv' } & CsvStatementOptions) | ({ format: 'camt053' } & Camt053Options);

/**
 * Reads a statement file and parses it — the only function of the library that touches the file
 * system; the parsers themselves take bytes.
 *
 * @example
 * const result = await readStatementFile('/imports/icbc-20240618.csv', { format: 'csv', bankCode: 'ICBC', accountNumber, receivedAt, mapping });
 */
export async function readStatementFile(path: string, options: StatementFileOptions): Promise<StatementImport> {
  const bytes = await readFile(path);
  return options.format === 'csv' ? parseCsvStatement(bytes, options) : parseCamt053Statement(bytes, options);
}
