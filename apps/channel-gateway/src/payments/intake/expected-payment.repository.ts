import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';

/** What the gateway knows a payment must amount to. */
export interface ExpectedPayment {
  outTradeNo: string;
  channel: string;
  channelOrderId: string;
  amount: number;
  currency: string;
}

/**
 * Table `expected_payments`: the payable total of every channel order this gateway accepted with
 * an out_trade_no. A notification for a known out_trade_no must carry exactly that amount
 * (orders that reach Kafka without the gateway are checked by order-service alone).
 */
@Injectable()
export class ExpectedPaymentRepository {
  /** Records (or updates, for an edited order) the payable total of an out_trade_no. */
  async record(pool: Pool, expected: ExpectedPayment): Promise<void> {
    await pool.query(
      `INSERT INTO expected_payments (out_trade_no, channel, channel_order_id, amount, currency) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (out_trade_no) DO UPDATE SET channel = EXCLUDED.channel, channel_order_id = EXCLUDED.channel_order_id,
         amount = EXCLUDED.amount, currency = EXCLUDED.currency, recorded_at = now()`,
      [expected.outTradeNo, expected.channel, expected.channelOrderId, expected.amount, expected.currency],
    );
  }

  /** Expected amounts of the out_trade_nos that have one. */
  async amountsFor(client: Pool | PoolClient, outTradeNos: readonly string[]): Promise<Map<string, { amount: number; currency: string }>> {
    if (outTradeNos.length === 0) return new Map();
    const result = await client.query<{ outTradeNo: string; amount: number; currency: string }>(
      'SELECT out_trade_no AS "outTradeNo", amount::float8 AS amount, currency FROM expected_payments WHERE out_trade_no = ANY($1::text[])',
      [[...new Set(outTradeNos)]],
    );
    return new Map(result.rows.map((row) => [row.outTradeNo, { amount: row.amount, currency: row.currency }]));
  }
}
