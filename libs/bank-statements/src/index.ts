/**
 * @oms/bank-statements — reads the statement files finance actually gets (issue 7, Inputs):
 * CSV with a configurable column mapping (UTF-8 with or without BOM, or GBK as Chinese banks
 * export it) and ISO 20022 camt.053 XML. Parsers take bytes and return either every line (with a
 * stable content-derived id and the file's SHA-256) or the bad rows — a file with a bad row is
 * imported not at all unless `skipBadRows` is set. Amounts become integer fen by string arithmetic.
 *
 * @example
 * import { parseCsvStatement, toBankLine } from '@oms/bank-statements';
 * const result = parseCsvStatement(bytes, { bankCode: 'ICBC', accountNumber, receivedAt, mapping });
 * if (result.ok) reconcile(flows, result.lines.map(toBankLine), config);
 *
 * @packageDocumentation
 */

export type * from './model/statement-import';
export { maskAccountNumber } from './model/account-mask';
export * from './amount/yuan-amount.parser';
export * from './amount/direction-vocabulary';
export * from './encoding/statement-text.decoder';
export { fileFingerprint } from './identity/file-fingerprint';
export { lineIdOf, type LineIdentity } from './identity/line-id';
export type * from './csv/csv-column-mapping';
export { parseCsvStatement, type CsvStatementOptions } from './csv/csv-statement.parser';
export { parseCamt053Statement, type Camt053Options } from './camt/camt053.parser';
export { toBankLine } from './import/to-bank-line';
export { bankLineOfInput, lineIdOfRecord, type StatementLineInput } from './import/statement-line-input';
export { readStatementFile, type StatementFileOptions } from './import/read-statement-file';
