import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';

/** A signature nonce to record. */
export interface NonceClaim {
  provider: string;
  nonce: string;
  signedAtMs: number;
}

/** Key of a nonce inside one claim call. */
export const nonceKey = (claim: Pick<NonceClaim, 'provider' | 'nonce'>): string => `${claim.provider}\u0000${claim.nonce}`;

/**
 * The record of signature nonces already accepted (table `notification_nonces`, unique per
 * provider and nonce), so a replayed notification is refused even across restarts.
 */
@Injectable()
export class NotificationNonceRepository {
  /**
   * Inserts the nonces not seen before, inside the caller's transaction; returns the keys that
   * were new. A nonce another transaction is inserting makes this one wait for it (unique index),
   * so two replays racing each other cannot both win.
   */
  async claim(client: PoolClient, claims: readonly NonceClaim[]): Promise<Set<string>> {
    if (claims.length === 0) return new Set();
    const sorted = [...claims].sort((a, b) => nonceKey(a).localeCompare(nonceKey(b)));
    const result = await client.query<{ provider: string; nonce: string }>(
      `INSERT INTO notification_nonces (provider, nonce, signed_at)
       SELECT provider, nonce, to_timestamp(signed_ms / 1000.0)
       FROM unnest($1::text[], $2::text[], $3::bigint[]) AS claim(provider, nonce, signed_ms)
       ON CONFLICT (provider, nonce) DO NOTHING
       RETURNING provider, nonce`,
      [sorted.map((claim) => claim.provider), sorted.map((claim) => claim.nonce), sorted.map((claim) => claim.signedAtMs)],
    );
    return new Set(result.rows.map(nonceKey));
  }

  /** Deletes nonces seen before `cutoffMs`: past the timestamp window they cannot be replayed. */
  async pruneSeenBefore(pool: Pool, cutoffMs: number): Promise<number> {
    const result = await pool.query('DELETE FROM notification_nonces WHERE seen_at < to_timestamp($1 / 1000.0)', [cutoffMs]);
    return result.rowCount ?? 0;
  }
}
