import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';

/**
 * The record of signature nonces already accepted (table `notification_nonces`, unique per
 * provider and nonce), so a replayed notification is refused even across restarts. Nonces are
 * recorded by the intake's claim statement (`notificationClaimSql`); this prunes them.
 */
@Injectable()
export class NotificationNonceRepository {
  /** Deletes nonces seen before `cutoffMs`: past the timestamp window they cannot be replayed. */
  async pruneSeenBefore(pool: Pool, cutoffMs: number): Promise<number> {
    const result = await pool.query('DELETE FROM notification_nonces WHERE seen_at < to_timestamp($1 / 1000.0)', [cutoffMs]);
    return result.rowCount ?? 0;
  }
}
