import type { Pool } from 'pg';
import type { ReconciliationTables } from '../database/tables';

/** Which business dates' scheduled reports were written: what lets a restarted scheduler catch up. */
export interface ReportRunLog {
  /** The latest business date (`YYYY-MM-DD`) whose report was written, or null when none ever was. */
  lastReported(): Promise<string | null>;
  /** Records that the report of `businessDate` was written at `writtenAt` (epoch ms); recording it again changes nothing. */
  record(businessDate: string, writtenAt: number): Promise<void>;
}

/**
 * `recon_report_run`: one row per written business date. Not part of the projection — a rebuild
 * keeps it, as it keeps the files the rows stand for.
 */
export class ReportRunRepository implements ReportRunLog {
  constructor(
    private readonly pool: Pool,
    private readonly tables: ReconciliationTables,
  ) {}

  async lastReported(): Promise<string | null> {
    // ISO dates sort as text.
    const result = await this.pool.query<{ business_date: string | null }>(`SELECT max(business_date) AS business_date FROM ${this.tables.reportRuns}`);
    return result.rows[0]?.business_date ?? null;
  }

  async record(businessDate: string, writtenAt: number): Promise<void> {
    // Two instances may both write a late report (the bytes are the same); the first record stays.
    await this.pool.query(`INSERT INTO ${this.tables.reportRuns} (business_date, written_at) VALUES ($1, $2) ON CONFLICT (business_date) DO NOTHING`, [businessDate, writtenAt]);
  }
}
