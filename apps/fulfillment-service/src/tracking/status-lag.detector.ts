import type { Pool } from 'pg';
import { withTransaction } from '@oms/postgres';
import { formatShanghaiTime } from '@oms/fulfillment-domain';
import type { ReviewItemsRepository } from '../review/review-items.repository';
import type { OrderStageRepository } from './order-stage.repository';

/**
 * Raises a STATUS_SYNC_LAG review item for an order whose recorded state (OrderShipmentProgressed
 * on the order log) has not followed the stage its carriers reported for longer than `lagMs` —
 * the customer seeing "shipped" while the carrier says "out for delivery". One item per order and
 * stage.
 */
export class StatusLagDetector {
  constructor(
    private readonly pool: Pool,
    private readonly stages: OrderStageRepository,
    private readonly reviews: ReviewItemsRepository,
    private readonly lagMs: number,
  ) {}

  /** One check; answers how many orders lag. */
  async checkOnce(now = Date.now()): Promise<number> {
    const lagging = await this.stages.lagging(this.pool, now - this.lagMs);
    for (const order of lagging) {
      await withTransaction(this.pool, (tx) =>
        this.reviews.raise(tx, {
          dedupeKey: `lag:${order.orderId}:${order.publishedStage}`,
          orderId: order.orderId,
          cause: 'STATUS_SYNC_LAG',
          dispatchPlanId: order.dispatchPlanId,
          detail: `carriers reported ${order.publishedStage} at ${formatShanghaiTime(order.publishedAt)}; the order still shows ${order.recordedStage ?? 'no shipment stage'} after ${Math.round((now - order.publishedAt) / 1000)} s`,
        }),
      );
    }
    return lagging.length;
  }
}
