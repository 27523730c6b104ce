import type { Pool, PoolClient } from 'pg';
import { latestInstant, reconcile, reconciliationConfig, type ReconciliationResult } from '@oms/reconciliation-domain';
import type { ReconciliationTables } from '../database/tables';
import type { InputFactRepository } from '../inputs/input-fact.repository';
import type { StatementLineRepository } from '../statements/statement-line.repository';
import type { ProjectionSnapshot } from './projection-snapshot';
import type { ProjectionRepository } from './projection.repository';
import { deriveInputs } from './reconciliation-inputs';

/** The tolerances of matching (`MAX_TIME_GAP_MS`, `SETTLEMENT_WINDOW_MS`). */
export interface MatchingSettings {
  maxTimeGapMs: number;
  settlementWindowMs: number;
}

/** What a run did. */
export interface MatchingRunSummary {
  asOf: number;
  flows: number;
  bankLines: number;
  matches: number;
  reviewItems: number;
  pending: number;
  /** When the earliest pending flow's settlement window ends (a run is due then), or null. */
  nextDeadline: number | null;
}

/**
 * Derives the reconciliation tables from the stored inputs: reads every fact and bank line,
 * derives the two sides, matches them with `@oms/reconciliation-domain` at `now`, and brings the
 * projection to the result in one transaction — under an advisory lock, so two instances never
 * interleave. A rebuild is the same run emptying the tables first: nothing is kept between runs
 * but the inputs.
 *
 * Every run reads everything: simple and exactly reproducible, linear in the inputs (see the
 * benchmark for the cost at a million payments); a window by business date is the next step when
 * the tables outgrow it.
 */
export class ReconciliationProjector {
  constructor(
    private readonly pool: Pool,
    private readonly tables: ReconciliationTables,
    private readonly facts: InputFactRepository,
    private readonly lines: StatementLineRepository,
    private readonly projection: ProjectionRepository,
    private readonly settings: MatchingSettings,
  ) {}

  /** Matches everything stored, as of `now`, and writes the projection. */
  run(now: number): Promise<MatchingRunSummary> {
    return this.exclusively(now, false);
  }

  /** Drops the derived tables' content and derives it again from the inputs (in the same transaction as the write). */
  rebuild(now: number): Promise<MatchingRunSummary> {
    return this.exclusively(now, true);
  }

  // One run at a time across instances: a session advisory lock on a connection of its own. The
  // inputs are read outside a transaction and matched in memory, then written in one short
  // transaction — a long computation inside a transaction would hold back every xmin-bound reader
  // and, past a minute, be killed by idle_in_transaction_session_timeout. The tables are
  // append-only, so reading them statement by statement loses nothing: the next run sees the rest.
  private async exclusively(now: number, clear: boolean): Promise<MatchingRunSummary> {
    const client = await this.pool.connect();
    const lockKey = `${this.tables.schema}:reconciliation-projection`;
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
      try {
        const facts = await this.facts.readAll(client);
        const lines = await this.lines.readAll(client);
        const derived = deriveInputs(facts, lines);
        const result = reconcile(derived.flows, derived.bankLines, reconciliationConfig(now, this.settings));
        await this.write(client, clear, { ...derived, result, asOf: now, factsSeen: facts.length, linesSeen: lines.length });
        return this.summary(now, result);
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
      }
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      // A connection whose query failed may hold the lock or a half transaction: destroy it.
      client.release(broken);
    }
  }

  private async write(client: PoolClient, clear: boolean, snapshot: ProjectionSnapshot): Promise<void> {
    await client.query('BEGIN');
    try {
      if (clear) await this.projection.clear(client);
      await this.projection.replace(client, snapshot);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** True when inputs arrived since the last run (or there was none). */
  async hasNewInputs(): Promise<boolean> {
    const [last, counts] = await Promise.all([this.projection.lastRun(this.pool), this.projection.inputCounts(this.pool)]);
    return !last || last.factsSeen !== counts.facts || last.linesSeen !== counts.lines;
  }

  private summary(asOf: number, result: ReconciliationResult): MatchingRunSummary {
    // A loop, not Math.min(...): a day's pending flows can exceed the spread argument limit.
    let nextDeadline: number | null = null;
    for (const flow of result.pending) {
      const deadline = latestInstant(flow.time) + this.settings.settlementWindowMs + 1;
      if (nextDeadline === null || deadline < nextDeadline) nextDeadline = deadline;
    }
    return {
      asOf,
      flows: result.flowCount,
      bankLines: result.bankLineCount,
      matches: result.matches.length,
      reviewItems: result.reviewItems.length,
      pending: result.pending.length,
      nextDeadline,
    };
  }
}
