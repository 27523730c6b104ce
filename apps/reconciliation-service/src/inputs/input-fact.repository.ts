import type { Pool, PoolClient } from 'pg';
import type { RecordTypes } from '@oms/contracts';
import type { ReconciliationTables } from '../database/tables';
import type { FactRecordName, RecordedFact } from '@oms/reconciliation-domain';
import { factKeysOf } from './fact-keys';

/** A fact about to be stored. */
export interface NewFact<N extends FactRecordName = FactRecordName> {
  factId: string;
  topic: string;
  recordName: N;
  value: RecordTypes[N];
  /** When the message was consumed (or the log's timestamp); used when the record has no time of its own. */
  recordedAt: number;
}

/** `recon_fact`: every consumed record reconciliation keeps, append-only, deduplicated by message id. */
export class InputFactRepository {
  constructor(private readonly tables: ReconciliationTables) {}

  /** Stores the fact unless its id is already there; returns whether it was new. */
  async append(tx: PoolClient, fact: NewFact): Promise<boolean> {
    const keys = factKeysOf(fact.value, fact.recordedAt);
    const result = await tx.query(
      `INSERT INTO ${this.tables.facts} (fact_id, topic, record_name, order_id, out_trade_no, occurred_at, payload, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (fact_id) DO NOTHING`,
      [fact.factId, fact.topic, fact.recordName, keys.orderId, keys.outTradeNo, keys.occurredAt, JSON.stringify(fact.value), fact.recordedAt],
    );
    return result.rowCount === 1;
  }

  /**
   * Every fact, in arrival order; with `recordedBy`, only those stored at or before that instant
   * (epoch ms of the service's clock): what a past date's report reads.
   */
  async readAll(db: Pool | PoolClient, recordedBy = Number.MAX_SAFE_INTEGER): Promise<RecordedFact[]> {
    const result = await db.query<{ fact_id: string; seq: string; record_name: FactRecordName; payload: never }>(
      `SELECT fact_id, seq, record_name, payload FROM ${this.tables.facts} WHERE recorded_at <= $1 ORDER BY seq`,
      [recordedBy],
    );
    return result.rows.map((row) => ({ factId: row.fact_id, seq: Number(row.seq), recordName: row.record_name, value: row.payload }) as RecordedFact);
  }
}
