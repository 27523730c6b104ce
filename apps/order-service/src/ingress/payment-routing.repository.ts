import type { Pool, PoolClient } from 'pg';
import type { MessageHeaders } from '@oms/contracts';
import { onCommit } from '@oms/postgres';

/** A payment record that arrived before its order, as it was consumed. */
export interface ParkedPaymentFact {
  messageId: string;
  outTradeNo: string;
  topic: string;
  payload: Buffer;
  headers: MessageHeaders;
}

/** An order naming the out_trade_no its payment will carry. */
export interface OrderRef {
  outTradeNo: string;
  orderId: string;
}

/** An order the routing now knows, with the payment facts that were waiting for it. */
export interface RegisteredOrder extends OrderRef {
  parked: ParkedPaymentFact[];
}

/** Mappings kept in memory; out_trade_no → order id never changes once written. */
const CACHE_LIMIT = 200_000;

interface ParkedRow {
  message_id: string;
  out_trade_no: string;
  topic: string;
  payload: Buffer;
  headers: MessageHeaders;
}

/**
 * Routes payment records (keyed by out_trade_no, without an order id) to orders:
 * `payment_order_refs` is written when the order is placed, in that transaction; a payment fact
 * for an out_trade_no no committed order names yet is parked in `parked_payment_facts` and handed
 * back when the order arrives — "the service keeps the notification and retries once the order exists".
 *
 * Neither side waits for the other's transaction: waiting made a payments batch and an orders
 * batch hold each other's rows (a deadlock ended only by the lock timeout, the whole batch
 * retried). Instead the order drains what is parked when it is placed, and the
 * {@link ParkedPaymentSweeper} hands back what was parked while that order's transaction was
 * still open — the one case the drain cannot see.
 */
export class PaymentRoutingRepository {
  private readonly known = new Map<string, string>();

  /** The order a payment's out_trade_no belongs to, or null when no committed order named it yet. */
  async orderIdFor(outTradeNo: string, client: PoolClient): Promise<string | null> {
    return (await this.orderIdsFor([outTradeNo], client)).get(outTradeNo) ?? null;
  }

  /** The order of each out_trade_no this process has seen routed and committed (no round trip); undefined otherwise. */
  knownOrderOf(outTradeNo: string): string | undefined {
    return this.known.get(outTradeNo);
  }

  /** The orders of those `outTradeNos` an order has named (committed, or written by this transaction): one lookup for all. */
  async orderIdsFor(outTradeNos: string[], client: PoolClient): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const asked = outTradeNos.filter((outTradeNo) => {
      const cached = this.known.get(outTradeNo);
      if (cached) found.set(outTradeNo, cached);
      return !cached;
    });
    if (asked.length === 0) return found;
    const result = await client.query<{ out_trade_no: string; order_id: string }>({
      name: 'payment-routing-orders-of',
      text: 'SELECT out_trade_no, order_id FROM payment_order_refs WHERE out_trade_no = ANY($1::text[]) AND order_id IS NOT NULL',
      values: [asked],
    });
    for (const row of result.rows) {
      found.set(row.out_trade_no, row.order_id);
      this.rememberOnCommit(client, row.out_trade_no, row.order_id);
    }
    return found;
  }

  /**
   * Records that each out_trade_no pays its order (the first order to name one keeps it) and takes
   * the payment facts parked for them out of the parking — one statement for a whole chunk's
   * orders. Answers the orders this call registered, with their parked facts oldest first.
   */
  async registerOrders(orders: OrderRef[], client: PoolClient): Promise<RegisteredOrder[]> {
    const wanted = firstClaims(orders);
    const result = await client.query<Partial<ParkedRow> & { registered: string; order_id: string }>({
      name: 'payment-routing-register',
      text: `WITH ref AS (
               INSERT INTO payment_order_refs (out_trade_no, order_id) SELECT * FROM unnest($1::text[], $2::text[])
               ON CONFLICT (out_trade_no) DO UPDATE SET order_id = EXCLUDED.order_id WHERE payment_order_refs.order_id IS NULL
               RETURNING out_trade_no, order_id),
             taken AS (
               DELETE FROM parked_payment_facts parked USING ref WHERE parked.out_trade_no = ref.out_trade_no
               RETURNING parked.seq, parked.message_id, parked.out_trade_no, parked.topic, parked.payload, parked.headers)
             SELECT ref.out_trade_no AS registered, ref.order_id, taken.message_id, taken.out_trade_no, taken.topic, taken.payload, taken.headers
               FROM ref LEFT JOIN taken ON taken.out_trade_no = ref.out_trade_no ORDER BY taken.seq`,
      values: [wanted.map((order) => order.outTradeNo), wanted.map((order) => order.orderId)],
    });
    // An out_trade_no without a row: another order (or this one, re-sent) already holds it.
    const registered = new Map<string, RegisteredOrder>();
    for (const row of result.rows) {
      const entry = registered.get(row.registered) ?? { outTradeNo: row.registered, orderId: row.order_id, parked: [] };
      if (row.message_id) entry.parked.push(toFact(row as ParkedRow));
      registered.set(row.registered, entry);
      this.rememberOnCommit(client, row.registered, row.order_id);
    }
    return [...registered.values()];
  }

  /** Keeps payment facts until their order is placed, in the given order; a redelivered fact is kept once. */
  async park(facts: ParkedPaymentFact[], client: PoolClient): Promise<void> {
    await client.query({
      name: 'payment-routing-park',
      // WITH ORDINALITY: seq (the hand-back order) follows the facts' order.
      text: `INSERT INTO parked_payment_facts (message_id, out_trade_no, topic, payload, headers)
             SELECT message_id, out_trade_no, topic, payload, headers::jsonb
               FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[], $5::text[]) WITH ORDINALITY
                    AS fact(message_id, out_trade_no, topic, payload, headers, ordinal)
              ORDER BY ordinal
             ON CONFLICT (message_id) DO NOTHING`,
      values: [
        facts.map((fact) => fact.messageId),
        facts.map((fact) => fact.outTradeNo),
        facts.map((fact) => fact.topic),
        facts.map((fact) => fact.payload),
        facts.map((fact) => JSON.stringify(fact.headers)),
      ],
    });
  }

  /** Out_trade_nos with parked facts whose order has been placed meanwhile (committed). */
  async releasable(limit: number, db: Pool | PoolClient): Promise<Array<{ outTradeNo: string; orderId: string }>> {
    const result = await db.query<{ out_trade_no: string; order_id: string }>(
      `SELECT DISTINCT parked.out_trade_no, ref.order_id
         FROM parked_payment_facts parked JOIN payment_order_refs ref ON ref.out_trade_no = parked.out_trade_no
        WHERE ref.order_id IS NOT NULL
        LIMIT $1`,
      [limit],
    );
    return result.rows.map((row) => ({ outTradeNo: row.out_trade_no, orderId: row.order_id }));
  }

  /** Takes an out_trade_no's parked facts out of the parking, oldest first (none when another instance took them). */
  async take(outTradeNo: string, client: PoolClient): Promise<ParkedPaymentFact[]> {
    const result = await client.query<ParkedRow & { seq: string }>(
      `WITH taken AS (DELETE FROM parked_payment_facts WHERE out_trade_no = $1 RETURNING seq, message_id, out_trade_no, topic, payload, headers)
       SELECT * FROM taken ORDER BY seq`,
      [outTradeNo],
    );
    return result.rows.map(toFact);
  }

  /**
   * Only a committed route is kept: a chunk that rolls back and runs again must not route its
   * payments at once to an order whose older parked facts it has yet to drain at its flush.
   */
  private rememberOnCommit(client: PoolClient, outTradeNo: string, orderId: string): void {
    onCommit(client, () => this.remember(outTradeNo, orderId));
  }

  private remember(outTradeNo: string, orderId: string): void {
    const oldest = this.known.keys().next();
    if (this.known.size >= CACHE_LIMIT && !oldest.done) this.known.delete(oldest.value);
    this.known.set(outTradeNo, orderId);
  }
}

function toFact(row: ParkedRow): ParkedPaymentFact {
  return { messageId: row.message_id, outTradeNo: row.out_trade_no, topic: row.topic, payload: row.payload, headers: row.headers };
}

/** One claim per out_trade_no, the first one made (as if registered one by one: the first order keeps it). */
function firstClaims(orders: OrderRef[]): OrderRef[] {
  const seen = new Set<string>();
  return orders.filter((order) => !seen.has(order.outTradeNo) && seen.add(order.outTradeNo));
}
