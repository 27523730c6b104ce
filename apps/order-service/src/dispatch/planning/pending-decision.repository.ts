import type { Pool, PoolClient } from 'pg';
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
  /** Records ready orders, each once (a re-read of the log changes nothing), in one statement. */
  async add(client: PoolClient, orders: ReadonlyArray<{ facts: ReadyOrderFacts; decideAfter: number }>): Promise<void> {
    if (orders.length === 0) return;
    await client.query(
      `INSERT INTO dispatch_pending (order_id, customer_id, planning_order, ready_at, decide_after, status)
       SELECT order_id, customer_id, planning_order, to_timestamp(ready_at / 1000.0), to_timestamp(decide_after / 1000.0), 'WAITING'
         FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::numeric[], $5::numeric[]) AS ready(order_id, customer_id, planning_order, ready_at, decide_after)
       ON CONFLICT (order_id) DO NOTHING`,
      [
        orders.map(({ facts }) => facts.planning.orderId), orders.map(({ facts }) => facts.planning.customerId), orders.map(({ facts }) => JSON.stringify(facts)),
        orders.map(({ facts }) => facts.readyAt), orders.map(({ decideAfter }) => decideAfter),
      ],
    );
  }

  /**
   * The lanes (of `lanes`) that have an order due at `at`: one cheap read, so an idle tick does
   * not open a transaction per lane to find nothing.
   */
  async dueLanes(db: Pool | PoolClient, at: number, lanes: number): Promise<Set<number>> {
    // A lookup per lane that stops at the lane's first due order (LIMIT 1 keeps the planner from
    // turning it into a join over every due order).
    const { rows } = await db.query<{ lane: number }>(
      `SELECT lane FROM generate_series(0, $2::int - 1) AS lane
        CROSS JOIN LATERAL (SELECT 1 FROM dispatch_pending
                             WHERE status = 'WAITING' AND decide_after <= to_timestamp($1 / 1000.0) AND mod(abs(hashtext(customer_id)::bigint), $2) = lane LIMIT 1) AS due`,
      [at, lanes],
    );
    return new Set(rows.map((row) => row.lane));
  }

  /**
   * Up to `limit` due orders of lane `lane` of `lanes`, oldest due first, locked for this
   * transaction. Lanes split customers (by a hash of the customer id), so decisions run in
   * parallel while one customer's orders are only ever grouped by one lane — two lanes taking two
   * due orders of one customer at once would each plan without the other.
   */
  async claimDue(client: PoolClient, at: number, lane: number, lanes: number, limit: number): Promise<PendingOrder[]> {
    const { rows } = await client.query<PendingRow>(
      `SELECT order_id, customer_id, planning_order FROM dispatch_pending
        WHERE status = 'WAITING' AND decide_after <= to_timestamp($1 / 1000.0) AND mod(abs(hashtext(customer_id)::bigint), $3) = $2
        ORDER BY decide_after, order_id LIMIT $4 FOR UPDATE SKIP LOCKED`,
      [at, lane, lanes, limit],
    );
    return rows.map(toPending);
  }

  /**
   * Every ready order still waiting of these customers (the due ones and the candidates for
   * grouping with them), by order id, locked. Rows this transaction already holds are included.
   */
  async claimWaitingOf(client: PoolClient, customerIds: readonly string[]): Promise<PendingOrder[]> {
    const { rows } = await client.query<PendingRow>(
      `SELECT order_id, customer_id, planning_order FROM dispatch_pending
        WHERE status = 'WAITING' AND customer_id = ANY($1) ORDER BY order_id FOR UPDATE SKIP LOCKED`,
      [customerIds],
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

  /** Orders proposed in several plans, in one statement: each order PROPOSED in its plan. */
  async markProposed(client: PoolClient, plans: ReadonlyArray<{ dispatchPlanId: string; orderIds: readonly string[] }>): Promise<void> {
    const pairs = plans.flatMap(({ dispatchPlanId, orderIds }) => orderIds.map((orderId) => [orderId, dispatchPlanId] as const));
    if (pairs.length === 0) return;
    await client.query(
      `UPDATE dispatch_pending SET status = 'PROPOSED', dispatch_plan_id = proposed.dispatch_plan_id, updated_at = now()
         FROM unnest($1::text[], $2::text[]) AS proposed(order_id, dispatch_plan_id) WHERE dispatch_pending.order_id = proposed.order_id`,
      [pairs.map(([orderId]) => orderId), pairs.map(([, dispatchPlanId]) => dispatchPlanId)],
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
   * returns the plan id, or `undefined`. One statement, so it needs no transaction of its own.
   */
  async takeReplanRequest(db: Pool | PoolClient): Promise<{ orderId: string; dispatchPlanId: string } | undefined> {
    const { rows } = await db.query<{ order_id: string; dispatch_plan_id: string }>(
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
