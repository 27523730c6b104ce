import type { Pool, PoolClient } from 'pg';
import { beginCommitEffects, runCommitEffects, takeCommitEffects } from './commit-effects';

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
 * connection never returns to the pool). Effects registered with `onCommit` run after COMMIT
 * only, those registered with `onSettled` either way.
 */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  let committed = false;
  beginCommitEffects(client);
  try {
    if (!options.workBegins) await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    committed = true;
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    const effects = takeCommitEffects(client);
    client.release(broken);
    runCommitEffects(effects, committed);
  }
}
