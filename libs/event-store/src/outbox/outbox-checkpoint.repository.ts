import type { Pool } from 'pg';
import { START_OF_LOG, type LogCheckpoint } from '../model/stored-event';

/** Where a named outbox relay has published up to. Survives restarts. */
export class OutboxCheckpointRepository {
  constructor(private readonly pool: Pool) {}

  async load(name: string): Promise<LogCheckpoint> {
    const result = await this.pool.query<{ transaction_id: string; position: string }>(
      'SELECT transaction_id::text AS transaction_id, position FROM outbox_checkpoints WHERE name = $1',
      [name],
    );
    const row = result.rows[0];
    return row ? { transactionId: row.transaction_id, position: Number(row.position) } : START_OF_LOG;
  }

  async save(name: string, checkpoint: LogCheckpoint): Promise<void> {
    await this.pool.query(
      `INSERT INTO outbox_checkpoints (name, transaction_id, position) VALUES ($1, $2::xid8, $3)
       ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position,
                                        updated_at = clock_timestamp()`,
      [name, checkpoint.transactionId, checkpoint.position],
    );
  }
}
