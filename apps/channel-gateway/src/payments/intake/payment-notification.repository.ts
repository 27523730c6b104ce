import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';

/** The dedupe row of a published notification. */
export interface PublishedNotificationRow {
  provider: 'WECHAT_PAY' | 'ALIPAY';
  transactionId: string;
  tradeState: string;
  outTradeNo: string;
  notificationId: string;
  amount: number;
  currency: string;
  receivedAtMs: number;
  needsConfirmation: boolean;
}

/** Dedupe key: one payment fact per provider, transaction and trade state. */
export const notificationKey = (row: Pick<PublishedNotificationRow, 'provider' | 'transactionId' | 'tradeState'>): string =>
  `${row.provider}\u0000${row.transactionId}\u0000${row.tradeState}`;

const columns = `provider, transaction_id AS "transactionId", trade_state AS "tradeState", out_trade_no AS "outTradeNo",
  notification_id AS "notificationId", amount::float8 AS amount, currency, (extract(epoch FROM received_at) * 1000)::float8 AS "receivedAtMs",
  needs_confirmation AS "needsConfirmation"`;

/**
 * Table `payment_notifications`: the notifications already published. Providers retry until
 * answered, so the same fact arrives many times; only the first insert of a key wins.
 */
@Injectable()
export class PaymentNotificationRepository {
  /** Inserts rows whose key is new (inside the caller's transaction); returns the keys inserted. */
  async insertNew(client: PoolClient, rows: readonly PublishedNotificationRow[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const sorted = [...rows].sort((a, b) => notificationKey(a).localeCompare(notificationKey(b)));
    const column = <K extends keyof PublishedNotificationRow>(name: K) => sorted.map((row) => row[name]);
    const result = await client.query<{ provider: PublishedNotificationRow['provider']; transactionId: string; tradeState: string }>(
      `INSERT INTO payment_notifications (provider, transaction_id, trade_state, out_trade_no, notification_id, amount, currency, received_at, needs_confirmation)
       SELECT p, t, s, o, n, a, c, to_timestamp(r / 1000.0), nc
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::bigint[], $9::boolean[]) AS x(p, t, s, o, n, a, c, r, nc)
       ON CONFLICT (provider, transaction_id, trade_state) DO NOTHING
       RETURNING provider, transaction_id AS "transactionId", trade_state AS "tradeState"`,
      [
        column('provider'),
        column('transactionId'),
        column('tradeState'),
        column('outTradeNo'),
        column('notificationId'),
        column('amount'),
        column('currency'),
        column('receivedAtMs'),
        column('needsConfirmation'),
      ],
    );
    return new Set(result.rows.map(notificationKey));
  }

  /** Rows whose balance confirmation is still owed (a crash between answer and query leaves some). */
  async confirmationsOwed(pool: Pool, limit: number): Promise<PublishedNotificationRow[]> {
    const result = await pool.query<PublishedNotificationRow>(
      `SELECT ${columns} FROM payment_notifications WHERE needs_confirmation AND confirmation_published_at IS NULL ORDER BY received_at LIMIT $1`,
      [limit],
    );
    return result.rows;
  }

  /** Records that the confirmation of a row was published. */
  async markConfirmed(pool: Pool, row: Pick<PublishedNotificationRow, 'provider' | 'transactionId' | 'tradeState'>): Promise<void> {
    await pool.query(
      'UPDATE payment_notifications SET confirmation_published_at = now() WHERE provider = $1 AND transaction_id = $2 AND trade_state = $3',
      [row.provider, row.transactionId, row.tradeState],
    );
  }

  /** The latest published notification of an out_trade_no, if any (operator verification). */
  async latestFor(pool: Pool, outTradeNo: string): Promise<PublishedNotificationRow | undefined> {
    const result = await pool.query<PublishedNotificationRow>(`SELECT ${columns} FROM payment_notifications WHERE out_trade_no = $1 ORDER BY received_at DESC LIMIT 1`, [outTradeNo]);
    return result.rows[0];
  }
}
