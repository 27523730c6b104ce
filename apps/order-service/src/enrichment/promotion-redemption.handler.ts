import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { DecodedRecord } from '@oms/contracts';
import { TransientError, type ConsumedMessage } from '@oms/messaging';
import type { CircuitBreaker } from './circuit-breaker';
import type { PromotionClient, PromotionRedemption } from './promotion.client';

/**
 * The promotion enrichment: redeems the promotions of each placed order at the promotion service.
 * It reads the order log in a consumer group of its own, so a slow or failing promotion service
 * only makes this group lag — payments and status changes never wait on it. While the service
 * fails, the circuit opens and the batch is retried later (a TransientError: same records, same
 * order, nothing skipped), so the redemptions backfill from the log once it recovers.
 */
export class PromotionRedemptionHandler {
  constructor(
    private readonly client: PromotionClient,
    private readonly breaker: CircuitBreaker,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async handle(message: ConsumedMessage<DecodedRecord>, tx: PoolClient): Promise<void> {
    const record = message.value;
    if (record.recordName !== 'OrderPlaced') return;
    const { orderId, promotions } = record.value;
    for (const promotion of promotions) {
      const redemption = { orderId, promotionId: promotion.promotionId, kind: promotion.kind, discountAmount: promotion.discountAmount };
      if (await this.alreadyRedeemed(tx, redemption)) continue;
      const reference = await this.call(redemption);
      await tx.query(
        'INSERT INTO promotion_redemptions (order_id, promotion_id, discount_amount, redemption_ref) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [orderId, redemption.promotionId, redemption.discountAmount, reference],
      );
    }
  }

  private async alreadyRedeemed(tx: PoolClient, { orderId, promotionId }: PromotionRedemption): Promise<boolean> {
    const { rowCount } = await tx.query('SELECT 1 FROM promotion_redemptions WHERE order_id = $1 AND promotion_id = $2', [orderId, promotionId]);
    return (rowCount ?? 0) > 0;
  }

  private async call(redemption: PromotionRedemption): Promise<string> {
    if (!this.breaker.tryAcquire(this.now())) {
      throw new TransientError(`promotion service circuit open; ${redemption.orderId} redeems when it closes`);
    }
    try {
      const reference = await this.client.redeem(redemption);
      this.breaker.succeeded();
      return reference;
    } catch (error) {
      this.breaker.failed(this.now());
      this.logger.warn({ orderId: redemption.orderId, promotionId: redemption.promotionId, error: String(error) }, 'promotion redemption failed; the enrichment will retry from the log');
      throw new TransientError(`promotion redemption failed: ${String(error)}`, { cause: error });
    }
  }
}
