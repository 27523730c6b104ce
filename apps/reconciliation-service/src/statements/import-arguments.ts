import { parseArgs } from 'node:util';
import type { CsvColumnMapping, StatementEncoding, StatementFileOptions } from '@oms/bank-statements';

/** The import command's usage line. */
export const IMPORT_USAGE =
  'import-statements --format csv|camt053 --bank <code> [--account <number>] [--mapping <mapping.json>] [--encoding auto|utf-8|gbk|gb18030] [--delimiter ,] [--currency CNY] [--statement-id <id>] [--partial] <file>';

const ENCODINGS: readonly StatementEncoding[] = ['auto', 'utf-8', 'gbk', 'gb18030'];

/** What the command line asks for. */
export interface ImportRequest {
  path: string;
  /** Options for `readStatementFile`, with `receivedAt` set by the caller. */
  options: (receivedAt: number) => StatementFileOptions;
}

/**
 * Reads the import command's arguments; throws an Error naming the bad or missing argument.
 * `readMapping` loads the `--mapping` JSON file (a `CsvColumnMapping`).
 */
export function parseImportArguments(argv: readonly string[], readMapping: (path: string) => CsvColumnMapping): ImportRequest {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      bank: { type: 'string' },
      account: { type: 'string' },
      mapping: { type: 'string' },
      encoding: { type: 'string', default: 'auto' },
      delimiter: { type: 'string' },
      currency: { type: 'string' },
      'statement-id': { type: 'string' },
      partial: { type: 'boolean', default: false },
    },
  });
  const [path] = positionals;
  if (path === undefined || positionals.length !== 1) throw new Error(`expected exactly one statement file, got ${positionals.length}`);
  if (!values.bank) throw new Error('--bank is required (it is part of every line id: keep it stable across imports)');
  const encoding = values.encoding as StatementEncoding;
  if (!ENCODINGS.includes(encoding)) throw new Error(`--encoding must be one of ${ENCODINGS.join(', ')}`);
  const common = { bankCode: values.bank, currency: values.currency, statementId: values['statement-id'], skipBadRows: values.partial, encoding };
  if (values.format === 'camt053') return { path, options: (receivedAt) => ({ format: 'camt053', ...common, accountNumber: values.account, receivedAt }) };
  if (values.format !== 'csv') throw new Error('--format must be csv or camt053');
  if (!values.account) throw new Error('--account is required for CSV (exports rarely repeat it per row)');
  if (!values.mapping) throw new Error('--mapping <file.json> is required for CSV');
  const mapping = readMapping(values.mapping);
  const account = values.account;
  return { path, options: (receivedAt) => ({ format: 'csv', ...common, accountNumber: account, mapping, delimiter: values.delimiter, receivedAt }) };
}
