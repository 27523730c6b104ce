import type { PoolClient } from 'pg';
import type { MessageHeaders } from '@oms/contracts';

/** A payment record that arrived before its order, as it was consumed. */
export interface ParkedPaymentFact {
  messageId: string;
  outTradeNo: string;
  topic: string;
  payload: Buffer;
  headers: MessageHeaders;
}

/** Mappings kept in memory; out_trade_no → order id never changes once written. */
const CACHE_LIMIT = 200_000;

/**
 * Routes payment records (keyed by out_trade_no, without an order id) to orders:
 * `payment_order_refs` is written when the order is placed, in that transaction; a payment fact
 * for an out_trade_no no order named yet is parked in `parked_payment_facts` and handed back
 * when the order arrives — "the service keeps the notification and retries once the order exists".
 *
 * Placing and parking meet on the `payment_order_refs` row of the out_trade_no: a parked fact
 * writes a placeholder row (no order id) first, so whichever transaction comes second waits for
 * the first one's commit and then sees it. The common case — the order first, no parked payment —
 * costs one statement.
 */
export class PaymentRoutingRepository {
  private readonly known = new Map<string, string>();

  /** The order a payment's out_trade_no belongs to, or null when no order named it yet. `fresh` skips the memory. */
  async orderIdFor(outTradeNo: string, client: PoolClient, fresh = false): Promise<string | null> {
    const cached = fresh ? undefined : this.known.get(outTradeNo);
    if (cached) return cached;
    const result = await client.query<{ order_id: string | null }>('SELECT order_id FROM payment_order_refs WHERE out_trade_no = $1', [outTradeNo]);
    const orderId = result.rows[0]?.order_id ?? null;
    if (orderId) this.remember(outTradeNo, orderId);
    return orderId;
  }

  /**
   * Records that `outTradeNo` pays `orderId` (the first order to name it keeps it) and returns the
   * payment facts parked for it, which it takes out of the parking.
   */
  async registerOrder(outTradeNo: string, orderId: string, client: PoolClient): Promise<ParkedPaymentFact[]> {
    // Waits for a parking transaction holding the row; `fresh` = no placeholder was there.
    const result = await client.query<{ fresh: boolean }>(
      `INSERT INTO payment_order_refs (out_trade_no, order_id) VALUES ($1, $2)
       ON CONFLICT (out_trade_no) DO UPDATE SET order_id = EXCLUDED.order_id WHERE payment_order_refs.order_id IS NULL
       RETURNING xmax = 0 AS fresh`,
      [outTradeNo, orderId],
    );
    const row = result.rows[0];
    if (!row) return []; // another order (or this one, re-sent) already holds the out_trade_no
    this.remember(outTradeNo, orderId);
    if (row.fresh) return [];
    const parked = await client.query<{ message_id: string; topic: string; payload: Buffer; headers: MessageHeaders }>(
      'DELETE FROM parked_payment_facts WHERE out_trade_no = $1 RETURNING message_id, topic, payload, headers',
      [outTradeNo],
    );
    return parked.rows.map((fact) => ({ messageId: fact.message_id, outTradeNo, topic: fact.topic, payload: fact.payload, headers: fact.headers }));
  }

  /**
   * Claims the out_trade_no for parking: writes the placeholder row, waiting for an order's
   * transaction that holds it. Afterwards {@link orderIdFor} with `fresh` sees any committed order.
   */
  async claimForParking(outTradeNo: string, client: PoolClient): Promise<void> {
    await client.query('INSERT INTO payment_order_refs (out_trade_no, order_id) VALUES ($1, NULL) ON CONFLICT (out_trade_no) DO NOTHING', [outTradeNo]);
  }

  /** Keeps a payment fact until its order is placed (after {@link claimForParking}); a redelivered fact is kept once. */
  async park(fact: ParkedPaymentFact, client: PoolClient): Promise<void> {
    await client.query(
      `INSERT INTO parked_payment_facts (message_id, out_trade_no, topic, payload, headers) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (message_id) DO NOTHING`,
      [fact.messageId, fact.outTradeNo, fact.topic, fact.payload, JSON.stringify(fact.headers)],
    );
  }

  private remember(outTradeNo: string, orderId: string): void {
    const oldest = this.known.keys().next();
    if (this.known.size >= CACHE_LIMIT && !oldest.done) this.known.delete(oldest.value);
    this.known.set(outTradeNo, orderId);
  }
}
