import type { PoolClient } from 'pg';
import { ConcurrencyError, StreamOrderConflictError } from '@oms/event-store';
import { TransientError } from '@oms/messaging';
import { pgErrorCode } from '@oms/postgres';
import { appendConflictsTotal } from './order-metrics';

/** In-place attempts after a version conflict before the whole transaction is retried. */
export const IN_PLACE_ATTEMPTS = 3;

/**
 * Decides how to go on after a failed append, or rethrows:
 * - `ConcurrencyError` found by the version check (nothing was written, the transaction is
 *   intact): re-read the stream in this transaction — the competing append has committed, so
 *   READ COMMITTED sees it — and decide again, cheaply and without losing the batch;
 * - the same error from the unique index (the transaction is aborted), or too many conflicts, and
 *   `StreamOrderConflictError` (only a new transaction may append after a younger one): a
 *   `TransientError`, so the batch (or the HTTP request) is retried in a fresh transaction.
 */
export async function resolveAppendConflict(error: unknown, attempt: number, client: PoolClient): Promise<'retry-in-place'> {
  if (!(error instanceof ConcurrencyError || error instanceof StreamOrderConflictError)) throw asTransientIfLockTimeout(error);
  if (error instanceof ConcurrencyError && attempt < IN_PLACE_ATTEMPTS && !(await isAborted(client))) {
    appendConflictsTotal.inc({ resolution: 'in-place' });
    return 'retry-in-place';
  }
  appendConflictsTotal.inc({ resolution: 'new-transaction' });
  throw new TransientError(`${error.message} (attempt ${attempt})`, { cause: error });
}

/**
 * A row-lock wait that hit `lock_timeout` (55P03): another batch holds what this one needs, so the
 * whole batch is retried — as a `TransientError`, which the messaging layer retries in order.
 */
export function asTransientIfLockTimeout(error: unknown): unknown {
  if (pgErrorCode(error) !== '55P03') return error;
  appendConflictsTotal.inc({ resolution: 'lock-timeout' });
  return new TransientError(`lock wait timed out: ${(error as Error).message}`, { cause: error });
}

async function isAborted(client: PoolClient): Promise<boolean> {
  try {
    await client.query('SELECT 1');
    return false;
  } catch (error) {
    if (pgErrorCode(error) === '25P02') return true; // in_failed_sql_transaction
    throw error;
  }
}
