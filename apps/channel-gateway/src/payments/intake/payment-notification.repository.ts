import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';

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

const columns = `provider, transaction_id AS "transactionId", trade_state AS "tradeState", out_trade_no AS "outTradeNo",
  notification_id AS "notificationId", amount::float8 AS amount, currency, (extract(epoch FROM received_at) * 1000)::float8 AS "receivedAtMs",
  needs_confirmation AS "needsConfirmation"`;

/**
 * Table `payment_notifications`: the notifications already published. Providers retry until
 * answered, so the same fact arrives many times; only the first insert of a key (provider,
 * transaction, trade state) wins. The intake's claim statement (`notificationClaimSql`) inserts them.
 */
@Injectable()
export class PaymentNotificationRepository {
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
