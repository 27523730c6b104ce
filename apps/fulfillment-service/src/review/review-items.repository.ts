import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { onCommit } from '@oms/postgres';
import { formatShanghaiTime } from '@oms/fulfillment-domain';
import type { Causation, FulfillmentPublisher } from '../publishing/fulfillment.publisher';
import { reviewItemsTotal } from '../app/fulfillment-metrics';
import type { ReviewItem } from './review-item';

/** A stored review item as the HTTP API shows it. */
export interface StoredReviewItem extends ReviewItem {
  reviewItemId: string;
  raisedAt: number;
  raisedAtText: string;
}

/**
 * Review items of the fulfilment side: stored in the caller's transaction, and published as
 * FulfillmentReviewItemRaised (keyed by order id) for the order-service / reconciliation review
 * queue, once per dedupe key.
 */
export class ReviewItemsRepository {
  constructor(
    private readonly pool: Pool,
    private readonly publisher: FulfillmentPublisher,
  ) {}

  async raise(tx: PoolClient, item: ReviewItem, causation?: Causation): Promise<void> {
    const reviewItemId = `fri_${createHash('sha256').update(item.dedupeKey).digest('hex').slice(0, 16)}`;
    const raisedAt = Date.now();
    const raisedAtText = formatShanghaiTime(raisedAt);
    const { rowCount } = await tx.query(
      `INSERT INTO review_items (review_item_id, dedupe_key, order_id, cause, dispatch_plan_id, carrier, tracking_number, detail, raw_payload, raised_at, raised_at_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (dedupe_key) DO NOTHING`,
      [reviewItemId, item.dedupeKey, item.orderId, item.cause, item.dispatchPlanId ?? null, item.carrier ?? null, item.trackingNumber ?? null, item.detail, item.rawPayload ?? null, raisedAt, raisedAtText],
    );
    // Raised already (a redelivered push, a later track of an audited waybill): nothing new to say.
    if (!rowCount) return;
    onCommit(tx, () => reviewItemsTotal.inc({ cause: item.cause }));
    // No order to key it by (an unknown waybill, a clock): stored for people, not published.
    if (item.orderId === null || item.cause === 'CLOCK_SKEW') return;
    await this.publisher.publish(
      tx,
      'FulfillmentReviewItemRaised',
      { orderId: item.orderId, reviewItemId, cause: item.cause, dispatchPlanId: item.dispatchPlanId ?? null, carrier: item.carrier ?? null, trackingNumber: item.trackingNumber ?? null, detail: item.detail, rawPayload: item.rawPayload ?? null, raisedAt, raisedAtText },
      `FulfillmentReviewItemRaised:${reviewItemId}`,
      causation,
      true, // the item's row was just inserted
    );
  }

  /** Items of an order, or every item when `orderId` is absent (newest first, at most 500). */
  async list(orderId?: string): Promise<StoredReviewItem[]> {
    const { rows } = await this.pool.query<StoredReviewItem>(
      `SELECT review_item_id AS "reviewItemId", dedupe_key AS "dedupeKey", order_id AS "orderId", cause, dispatch_plan_id AS "dispatchPlanId", carrier,
              tracking_number AS "trackingNumber", detail, raw_payload AS "rawPayload", raised_at::float8 AS "raisedAt", raised_at_text AS "raisedAtText"
         FROM review_items WHERE ($1::text IS NULL OR order_id = $1) ORDER BY raised_at DESC LIMIT 500`,
      [orderId ?? null],
    );
    return rows;
  }
}
