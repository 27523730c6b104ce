import type { Pool, PoolClient } from 'pg';
import type { OrderShipmentStage } from '@oms/contracts';
import { ORDER_STAGES } from '@oms/fulfillment-domain';

// The stage order as SQL sees it: only a later stage replaces an earlier one.
const RANK = `ARRAY[${ORDER_STAGES.map((stage) => `'${stage}'`).join(', ')}]`;

/** An order whose recorded state has not followed what its carriers reported. */
export interface LaggingOrder {
  orderId: string;
  dispatchPlanId: string;
  publishedStage: OrderShipmentStage;
  recordedStage: OrderShipmentStage | null;
  publishedAt: number;
}

/** The stages we published for each order, and the stages order-service recorded, for the status-sync detector. */
export class OrderStageRepository {
  /** Records the stages published for several orders in one statement; an order keeps the furthest one. */
  async published(tx: PoolClient, stages: Array<{ orderId: string; dispatchPlanId: string; stage: OrderShipmentStage }>, at: number): Promise<void> {
    // One row per order: ON CONFLICT cannot touch a row twice in one statement.
    const furthest = new Map<string, (typeof stages)[number]>();
    for (const entry of stages) {
      const before = furthest.get(entry.orderId);
      if (!before || ORDER_STAGES.indexOf(entry.stage) > ORDER_STAGES.indexOf(before.stage)) furthest.set(entry.orderId, entry);
    }
    if (furthest.size === 0) return;
    const rows = [...furthest.values()];
    // Named: parsed and planned once per connection, as every chunk of tracks runs it.
    await tx.query({
      name: 'published-order-stages-upsert-many',
      text: `INSERT INTO published_order_stages (order_id, dispatch_plan_id, stage, published_at)
       SELECT order_id, dispatch_plan_id, stage, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS p(order_id, dispatch_plan_id, stage)
       ON CONFLICT (order_id) DO UPDATE SET stage = EXCLUDED.stage, dispatch_plan_id = EXCLUDED.dispatch_plan_id, published_at = EXCLUDED.published_at
       WHERE array_position(${RANK}, EXCLUDED.stage) > array_position(${RANK}, published_order_stages.stage)`,
      values: [rows.map((row) => row.orderId), rows.map((row) => row.dispatchPlanId), rows.map((row) => row.stage), at],
    });
  }

  async recorded(tx: PoolClient, orderId: string, stage: OrderShipmentStage, at: number): Promise<void> {
    await tx.query(
      `INSERT INTO recorded_order_stages (order_id, stage, recorded_at) VALUES ($1, $2, $3)
       ON CONFLICT (order_id) DO UPDATE SET stage = EXCLUDED.stage, recorded_at = EXCLUDED.recorded_at
       WHERE array_position(${RANK}, EXCLUDED.stage) > array_position(${RANK}, recorded_order_stages.stage)`,
      [orderId, stage, at],
    );
  }

  /** Orders whose published stage is ahead of the recorded one since before `olderThan` (epoch ms). */
  async lagging(db: Pool, olderThan: number): Promise<LaggingOrder[]> {
    const { rows } = await db.query<LaggingOrder>(
      `SELECT p.order_id AS "orderId", p.dispatch_plan_id AS "dispatchPlanId", p.stage AS "publishedStage", r.stage AS "recordedStage", p.published_at::float8 AS "publishedAt"
         FROM published_order_stages p LEFT JOIN recorded_order_stages r USING (order_id)
        WHERE p.published_at < $1 AND (r.stage IS NULL OR array_position(${RANK}, r.stage) < array_position(${RANK}, p.stage))
        ORDER BY p.published_at LIMIT 500`,
      [olderThan],
    );
    return rows;
  }
}
