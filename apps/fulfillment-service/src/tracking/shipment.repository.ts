import type { PoolClient, Pool } from 'pg';
import type { CarrierCode, NormalisedShipmentStatus, OrderShipmentStage } from '@oms/contracts';
import type { TrackingSource } from '../carriers/carrier-adapter';

/** A sub-order's shipment. */
export interface Shipment {
  dispatchPlanId: string;
  subOrderId: string;
  planVersion: number;
  /** Sub-orders in the plan (1: this shipment alone decides the order's stage). */
  planSubOrders: number;
  orderIds: string[];
  carrier: CarrierCode;
  trackingSource: TrackingSource;
  trackingNumber: string | null;
  waybillState: 'REQUESTED' | 'BLOCKED' | 'REJECTED';
  shippedAt: number | null;
  shippedAtText: string | null;
  status: NormalisedShipmentStatus | null;
  subStatus: string | null;
  stage: OrderShipmentStage | null;
  firstTrackAt: number | null;
  credibilityScore: number | null;
  /** Key of the current event (the latest mapped one in carrier time), whose status was published. */
  publishedEventKey: string | null;
  /** Carrier time of the current event. */
  currentOccurredAt: number | null;
}

const COLUMNS = `dispatch_plan_id AS "dispatchPlanId", sub_order_id AS "subOrderId", plan_version AS "planVersion", plan_sub_orders AS "planSubOrders", order_ids AS "orderIds",
  carrier, tracking_source AS "trackingSource", tracking_number AS "trackingNumber", waybill_state AS "waybillState",
  shipped_at::float8 AS "shippedAt", shipped_at_text AS "shippedAtText", status, sub_status AS "subStatus", stage,
  first_track_at::float8 AS "firstTrackAt", credibility_score AS "credibilityScore", published_event_key AS "publishedEventKey",
  current_occurred_at::float8 AS "currentOccurredAt"`;

/** Shipments: one per sub-order of an issued plan. */
export class ShipmentRepository {
  /** Records a sub-order's waybill outcome; a sub-order already recorded is left as it is. */
  async insert(tx: PoolClient, shipment: Pick<Shipment, 'dispatchPlanId' | 'subOrderId' | 'planVersion' | 'planSubOrders' | 'orderIds' | 'carrier' | 'trackingSource' | 'trackingNumber' | 'waybillState' | 'shippedAt' | 'shippedAtText'>): Promise<void> {
    await tx.query(
      `INSERT INTO shipments (dispatch_plan_id, sub_order_id, plan_version, plan_sub_orders, order_ids, carrier, tracking_source, tracking_number, waybill_state, shipped_at, shipped_at_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (dispatch_plan_id, sub_order_id) DO NOTHING`,
      [shipment.dispatchPlanId, shipment.subOrderId, shipment.planVersion, shipment.planSubOrders, shipment.orderIds, shipment.carrier, shipment.trackingSource, shipment.trackingNumber, shipment.waybillState, shipment.shippedAt, shipment.shippedAtText],
    );
  }

  async find(tx: PoolClient, dispatchPlanId: string, subOrderId: string): Promise<Shipment | undefined> {
    const { rows } = await tx.query<Shipment>(`SELECT ${COLUMNS} FROM shipments WHERE dispatch_plan_id = $1 AND sub_order_id = $2`, [dispatchPlanId, subOrderId]);
    return rows[0];
  }

  /** The shipment of a waybill, locked until the transaction ends (tracks of one waybill apply one at a time). */
  async lockByTrackingNumber(tx: PoolClient, trackingNumber: string): Promise<Shipment | undefined> {
    const { rows } = await tx.query<Shipment>(`SELECT ${COLUMNS} FROM shipments WHERE tracking_number = $1 FOR UPDATE`, [trackingNumber]);
    return rows[0];
  }

  /**
   * The shipments of several waybills, locked until the transaction ends, keyed by tracking
   * number. Locked in tracking-number order, as every caller locks them, so two batches sharing
   * waybills wait for each other instead of deadlocking.
   */
  async lockMany(tx: PoolClient, trackingNumbers: string[]): Promise<Map<string, Shipment>> {
    // Named: parsed and planned once per connection, as every chunk of tracks runs it.
    const { rows } = await tx.query<Shipment>({ name: 'shipments-lock-many', text: `SELECT ${COLUMNS} FROM shipments WHERE tracking_number = ANY($1::text[]) ORDER BY tracking_number FOR UPDATE`, values: [trackingNumbers] });
    return new Map(rows.map((row) => [row.trackingNumber as string, row]));
  }

  async findByTrackingNumber(db: Pool | PoolClient, trackingNumber: string): Promise<Shipment | undefined> {
    const { rows } = await db.query<Shipment>(`SELECT ${COLUMNS} FROM shipments WHERE tracking_number = $1`, [trackingNumber]);
    return rows[0];
  }

  /** Every sub-order of several plans, for each order's stage over all of them. */
  async ofPlans(tx: PoolClient, dispatchPlanIds: string[]): Promise<Shipment[]> {
    const { rows } = await tx.query<Shipment>(`SELECT ${COLUMNS} FROM shipments WHERE dispatch_plan_id = ANY($1::text[]) ORDER BY dispatch_plan_id, sub_order_id`, [dispatchPlanIds]);
    return rows;
  }

  /** Every sub-order of a plan, for the order's stage over all of them. */
  async ofPlan(tx: PoolClient, dispatchPlanId: string): Promise<Shipment[]> {
    const { rows } = await tx.query<Shipment>(`SELECT ${COLUMNS} FROM shipments WHERE dispatch_plan_id = $1 ORDER BY sub_order_id`, [dispatchPlanId]);
    return rows;
  }

  /** Shipments still moving, for the poller. */
  async open(db: Pool, limit = 500): Promise<Shipment[]> {
    const { rows } = await db.query<Shipment>(
      `SELECT ${COLUMNS} FROM shipments WHERE tracking_number IS NOT NULL AND (status IS NULL OR status NOT IN ('DELIVERED', 'RETURNED')) ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows;
  }

  /**
   * The WMS saw the parcel handed to the carrier: that moment becomes `shipped_at`. Answers the
   * shipment as it is now, or undefined when no shipment matches the scan.
   */
  async handedOver(tx: PoolClient, match: { trackingNumber: string | null; dispatchPlanId: string; subOrderId: string | null }, at: number, atText: string): Promise<Shipment | undefined> {
    const { rows } = await tx.query<Shipment>(
      `UPDATE shipments SET shipped_at = $1, shipped_at_text = $2
        WHERE tracking_number = $3 OR (dispatch_plan_id = $4 AND sub_order_id = $5) RETURNING ${COLUMNS}`,
      [at, atText, match.trackingNumber, match.dispatchPlanId, match.subOrderId],
    );
    return rows[0];
  }

  async updateCredibility(tx: PoolClient, trackingNumber: string, score: number | null): Promise<void> {
    await tx.query('UPDATE shipments SET credibility_score = $2 WHERE tracking_number = $1', [trackingNumber, score]);
  }

  /** Writes the tracking state of several shipments (each locked by the caller) in one statement. */
  async updateTrackingMany(tx: PoolClient, updates: Array<Pick<Shipment, 'trackingNumber' | 'status' | 'subStatus' | 'stage' | 'firstTrackAt' | 'credibilityScore' | 'publishedEventKey' | 'currentOccurredAt'>>): Promise<void> {
    if (updates.length === 0) return;
    const column = <K extends keyof (typeof updates)[number]>(key: K) => updates.map((update) => update[key]);
    // Named: parsed and planned once per connection, as every chunk of tracks runs it.
    await tx.query({
      name: 'shipments-update-tracking-many',
      text: `UPDATE shipments s SET status = u.status, sub_status = u.sub_status, stage = u.stage, first_track_at = u.first_track_at, credibility_score = u.credibility_score,
              published_event_key = u.published_event_key, current_occurred_at = u.current_occurred_at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::int[], $7::text[], $8::bigint[])
              AS u(tracking_number, status, sub_status, stage, first_track_at, credibility_score, published_event_key, current_occurred_at)
        WHERE s.tracking_number = u.tracking_number`,
      values: [column('trackingNumber'), column('status'), column('subStatus'), column('stage'), column('firstTrackAt'), column('credibilityScore'), column('publishedEventKey'), column('currentOccurredAt')],
    });
  }
}
