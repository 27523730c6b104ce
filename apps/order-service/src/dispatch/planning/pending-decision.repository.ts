import type { PoolClient } from 'pg';
import type { ReadyOrderFacts } from './ready-order.facts';

/** Where a ready order stands in the dispatch flow (`dispatch_pending.status`). */
export type PendingStatus = 'WAITING' | 'PROPOSED' | 'PLANNED' | 'REVIEW' | 'BLOCKED' | 'SKIPPED';

/** A ready order waiting for (or past) its split decision. */
export interface PendingOrder {
  orderId: string;
  customerId: string;
  facts: ReadyOrderFacts;
}

interface PendingRow {
  order_id: string;
  customer_id: string;
  planning_order: ReadyOrderFacts;
}

const toPending = (row: PendingRow): PendingOrder => ({ orderId: row.order_id, customerId: row.customer_id, facts: row.planning_order });

/**
 * `dispatch_pending`: the durable decision window. A ready order is a WAITING row until its
 * `decide_after`; a restart loses nothing because the row, not a timer, is the pending decision.
 * Rows are claimed `FOR UPDATE SKIP LOCKED`, so two instances never decide one order twice.
 */
export class PendingDecisionRepository {
  /** Records a ready order (once: a re-read of the log changes nothing). */
  async add(client: PoolClient, facts: ReadyOrderFacts, decideAfter: number): Promise<void> {
    await client.query(
      `INSERT INTO dispatch_pending (order_id, customer_id, planning_order, ready_at, decide_after, status)
       VALUES ($1, $2, $3, to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0), 'WAITING') ON CONFLICT (order_id) DO NOTHING`,
      [facts.planning.orderId, facts.planning.customerId, JSON.stringify(facts), facts.readyAt, decideAfter],
    );
  }

  /**
   * The next due order of lane `lane` of `lanes`, locked for this transaction, or `undefined`.
   * Lanes split customers (by a hash of the customer id), so decisions run in parallel while one
   * customer's orders are only ever grouped by one lane — two lanes taking two due orders of one
   * customer at once would each plan without the other.
   */
  async claimDue(client: PoolClient, at: number, lane = 0, lanes = 1): Promise<PendingOrder | undefined> {
    const { rows } = await client.query<PendingRow>(
      `SELECT order_id, customer_id, planning_order FROM dispatch_pending
        WHERE status = 'WAITING' AND decide_after <= to_timestamp($1 / 1000.0) AND mod(abs(hashtext(customer_id)::bigint), $3) = $2
        ORDER BY decide_after, order_id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [at, lane, lanes],
    );
    return rows[0] && toPending(rows[0]);
  }

  /** The customer's other ready orders still waiting (candidates for grouping), locked. */
  async claimWaitingOf(client: PoolClient, customerId: string, exceptOrderId: string): Promise<PendingOrder[]> {
    const { rows } = await client.query<PendingRow>(
      `SELECT order_id, customer_id, planning_order FROM dispatch_pending
        WHERE status = 'WAITING' AND customer_id = $1 AND order_id <> $2 ORDER BY order_id FOR UPDATE SKIP LOCKED`,
      [customerId, exceptOrderId],
    );
    return rows.map(toPending);
  }

  /** The recorded facts of these orders (for instructions and re-plans). */
  async factsOf(client: PoolClient, orderIds: readonly string[]): Promise<Map<string, ReadyOrderFacts>> {
    const { rows } = await client.query<PendingRow>('SELECT order_id, customer_id, planning_order FROM dispatch_pending WHERE order_id = ANY($1)', [orderIds]);
    return new Map(rows.map((row) => [row.order_id, row.planning_order]));
  }

  async setStatus(client: PoolClient, orderIds: readonly string[], status: PendingStatus, dispatchPlanId?: string): Promise<void> {
    await client.query(
      'UPDATE dispatch_pending SET status = $2, dispatch_plan_id = COALESCE($3, dispatch_plan_id), updated_at = now() WHERE order_id = ANY($1)',
      [orderIds, status, dispatchPlanId ?? null],
    );
  }

  /** Replaces the facts of an order (a re-plan reads its stream again: the address may have changed). */
  async refresh(client: PoolClient, facts: ReadyOrderFacts): Promise<void> {
    await client.query('UPDATE dispatch_pending SET planning_order = $2, updated_at = now() WHERE order_id = $1', [facts.planning.orderId, JSON.stringify(facts)]);
  }

  /** Puts orders back in the queue, due `delayMs` from now. */
  async postpone(client: PoolClient, orderIds: readonly string[], delayMs: number): Promise<void> {
    await client.query(`UPDATE dispatch_pending SET status = 'WAITING', decide_after = now() + $2 * interval '1 millisecond', updated_at = now() WHERE order_id = ANY($1)`, [orderIds, delayMs]);
  }

  /** An order whose address changed after planning: its plan needs a new version. */
  async requestReplan(client: PoolClient, orderId: string): Promise<void> {
    await client.query(`UPDATE dispatch_pending SET replan_requested = true, updated_at = now() WHERE order_id = $1 AND status IN ('PROPOSED', 'PLANNED', 'REVIEW')`, [orderId]);
  }

  /**
   * Takes one re-plan request whose plan is decided (not awaiting a sandbox answer): clears it and
   * returns the plan id, or `undefined`.
   */
  async takeReplanRequest(client: PoolClient): Promise<{ orderId: string; dispatchPlanId: string } | undefined> {
    const { rows } = await client.query<{ order_id: string; dispatch_plan_id: string }>(
      `UPDATE dispatch_pending SET replan_requested = false, updated_at = now()
        WHERE order_id = (SELECT order_id FROM dispatch_pending WHERE replan_requested AND status IN ('PLANNED', 'REVIEW') AND dispatch_plan_id IS NOT NULL
                           LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING order_id, dispatch_plan_id`,
    );
    const row = rows[0];
    return row && { orderId: row.order_id, dispatchPlanId: row.dispatch_plan_id };
  }

  /** Orders blocked on a missing fulfilment vector go back to the queue, due now (a catalog change may unblock them). */
  async requeueBlocked(client: PoolClient): Promise<number> {
    const { rowCount } = await client.query(`UPDATE dispatch_pending SET status = 'WAITING', decide_after = now(), updated_at = now() WHERE status = 'BLOCKED'`);
    return rowCount ?? 0;
  }
}
