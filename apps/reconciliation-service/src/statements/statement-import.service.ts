import { basename } from 'node:path';
import type { Pool } from 'pg';
import { readStatementFile, type BadRow, type StatementFileOptions } from '@oms/bank-statements';
import { withTransaction } from '@oms/postgres';
import type { Clock } from '../app/clock';
import type { StatementLineRepository } from './statement-line.repository';

/** What importing one file did. */
export type StatementImportOutcome =
  | { ok: true; fileFingerprint: string; lines: number; newLines: number; skippedRows: BadRow[]; ignoredRows: BadRow[] }
  | { ok: false; fileFingerprint: string; badRows: BadRow[] };

/**
 * Imports a bank statement file (CSV with a column mapping, or camt.053) into `statement_line`.
 * A file with a bad row imports nothing and reports every bad row (row number and reason), unless
 * `skipBadRows` was asked for; lines are stored once by their stable id, so importing the same
 * file again — or an overlapping export — adds no duplicates. Matching picks the lines up at its
 * next poll.
 */
export class StatementImportService {
  constructor(
    private readonly pool: Pool,
    private readonly lines: StatementLineRepository,
    private readonly clock: Clock,
  ) {}

  async importFile(path: string, options: StatementFileOptions): Promise<StatementImportOutcome> {
    const parsed = await readStatementFile(path, options);
    if (!parsed.ok) return parsed;
    const meta = { fileName: basename(path), format: options.format, bankCode: options.bankCode, importedAt: this.clock.now() };
    const newLines = await withTransaction(this.pool, (tx) => this.lines.appendFile(tx, parsed, meta));
    return { ok: true, fileFingerprint: parsed.fileFingerprint, lines: parsed.lines.length, newLines, skippedRows: parsed.skippedRows, ignoredRows: parsed.ignoredRows };
  }
}
