import type { Pool, PoolClient } from 'pg';
import type { BankStatementLine } from '@oms/contracts';
import { lineIdOfRecord, type AcceptedImport, type ParsedStatementLine, type StatementLineInput } from '@oms/bank-statements';
import type { ReconciliationTables } from '../database/tables';
import type { StoredStatementLine } from './statement-line-input';

/** What an imported file was, for `statement_file`. */
export interface StatementFileMeta {
  fileName: string;
  format: 'csv' | 'camt053';
  bankCode: string;
  importedAt: number;
}

/** `statement_file` and `statement_line`: bank lines as they arrived, append-only, one row per line id. */
export class StatementLineRepository {
  constructor(private readonly tables: ReconciliationTables) {}

  /** Stores a line from `oms.ingress.bank-statements.v1`; false when its id is already stored. */
  async appendTopicLine(tx: PoolClient, record: BankStatementLine, recordedAt: number): Promise<boolean> {
    const input: StatementLineInput = { source: 'topic', record };
    const result = await tx.query(
      `INSERT INTO ${this.tables.statementLines} (line_id, source, payload, recorded_at) VALUES ($1, 'topic', $2, $3) ON CONFLICT (line_id) DO NOTHING`,
      [lineIdOfRecord(record), JSON.stringify(input), recordedAt],
    );
    return result.rowCount === 1;
  }

  /**
   * Stores an accepted file import: the file once (by fingerprint) and each line once (by id), so
   * re-importing the file, or an overlapping export, adds nothing twice. Returns the new lines' count.
   */
  async appendFile(tx: PoolClient, imported: AcceptedImport, meta: StatementFileMeta): Promise<number> {
    const lines = imported.lines;
    const inserted = await tx.query(
      `INSERT INTO ${this.tables.statementLines} (line_id, source, file_fingerprint, row_number, payload, recorded_at)
       SELECT line_id, 'file', $1, row_number, payload, $2 FROM unnest($3::text[], $4::int[], $5::jsonb[]) AS t(line_id, row_number, payload)
       ORDER BY row_number
       ON CONFLICT (line_id) DO NOTHING`,
      [imported.fileFingerprint, meta.importedAt, lines.map((line) => line.lineId), lines.map((line) => line.rowNumber), lines.map((line) => JSON.stringify(fileInput(line)))],
    );
    const added = inserted.rowCount ?? 0;
    await tx.query(
      `INSERT INTO ${this.tables.statementFiles} (file_fingerprint, file_name, format, bank_code, line_count, new_line_count, skipped_rows, imported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (file_fingerprint) DO NOTHING`,
      [imported.fileFingerprint, meta.fileName, meta.format, meta.bankCode, lines.length, added, JSON.stringify(imported.skippedRows), meta.importedAt],
    );
    return added;
  }

  /** Every stored line, in arrival order; with `recordedBy`, only those stored (consumed or imported) at or before that instant. */
  async readAll(db: Pool | PoolClient, recordedBy = Number.MAX_SAFE_INTEGER): Promise<StoredStatementLine[]> {
    const result = await db.query<{ line_id: string; seq: string; payload: StatementLineInput }>(
      `SELECT line_id, seq, payload FROM ${this.tables.statementLines} WHERE recorded_at <= $1 ORDER BY seq`,
      [recordedBy],
    );
    return result.rows.map((row) => ({ lineId: row.line_id, seq: Number(row.seq), input: row.payload }));
  }
}

function fileInput(line: ParsedStatementLine): StatementLineInput {
  return { source: 'file', line };
}
