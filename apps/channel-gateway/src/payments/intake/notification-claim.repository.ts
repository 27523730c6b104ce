import { Injectable } from '@nestjs/common';
import type { PoolClient, QueryResult } from 'pg';
import { claimVerdicts, notificationClaimSql, type ClaimAnswerRow, type ClaimRow, type ClaimVerdict } from './notification-claim.statement';

/**
 * The intake's claim on `notification_nonces`, `expected_payments` and `payment_notifications`
 * for one batch (see {@link notificationClaimSql}). Unique keys make a concurrent batch carrying
 * the same nonce or dedupe key wait for this one's COMMIT, then see the row: two replays racing
 * each other cannot both win, replicas cannot both accept.
 */
@Injectable()
export class NotificationClaimRepository {
  /**
   * Opens a transaction on `client` and claims the batch inside it, in one round trip; the caller
   * publishes the accepted rows, then COMMITs (or ROLLBACKs on any error, this one's included).
   */
  async beginAndClaim(client: PoolClient, rows: readonly ClaimRow[]): Promise<ClaimVerdict[]> {
    // Two statements in one simple query: node-pg answers with one result per statement.
    const results = (await client.query(notificationClaimSql(rows))) as unknown as [QueryResult, QueryResult<ClaimAnswerRow>];
    return claimVerdicts(rows.length, results[1].rows);
  }
}
