import type { Pool, PoolClient } from 'pg';

/** How {@link withTransaction} opens the transaction. */
export interface TransactionOptions {
  /**
   * The work's first statement carries BEGIN itself (one simple query, `BEGIN; …`), saving the
   * round trip of a separate BEGIN. A ROLLBACK before that is harmless (a warning, no error).
   */
  workBegins?: boolean;
}

/**
 * Runs `work` inside BEGIN/COMMIT on one pooled connection; rolls back and rethrows on error.
 * The connection is released either way (destroyed when the rollback itself fails, so a broken
 * connection never returns to the pool).
 */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    if (!options.workBegins) await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
