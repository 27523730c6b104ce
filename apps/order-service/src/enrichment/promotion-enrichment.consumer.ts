import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { decode, Topics } from '@oms/contracts';
import type { MessageBus, Subscription } from '@oms/messaging';
import type { OrderServiceConfig } from '../config/order-service.config';
import { APP_LOGGER, MESSAGE_BUS, ORDER_SERVICE_CONFIG } from '../app/tokens';
import { CircuitBreaker } from './circuit-breaker';
import { PromotionClient } from './promotion.client';
import { PromotionRedemptionHandler } from './promotion-redemption.handler';

/** Subscribes the promotion enrichment to the order log when a promotion service is configured. */
@Injectable()
export class PromotionEnrichmentConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private subscription?: Promise<Subscription | undefined>;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus<PoolClient>,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(ORDER_SERVICE_CONFIG) private readonly config: OrderServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    const url = this.config.PROMOTION_SERVICE_URL;
    if (!url || this.subscription) return;
    const breaker = new CircuitBreaker({ failureThreshold: this.config.PROMOTION_BREAKER_FAILURES, cooldownMs: this.config.PROMOTION_BREAKER_COOLDOWN_MS });
    const handler = new PromotionRedemptionHandler(new PromotionClient(url, this.config.PROMOTION_CALL_TIMEOUT_MS), breaker, this.logger);
    // Not awaited: the enrichment starting late (or lagging) must not hold up the service.
    this.subscription = this.bus
      .subscribe({
        groupId: this.config.ENRICHMENT_GROUP_ID,
        topics: [Topics.orderEvents],
        decode: (bytes) => decode(bytes),
        handler: (message, tx) => handler.handle(message, tx),
        // Retries of an open circuit wait up to its cooldown, not longer.
        backoff: { initialDelayMs: 200, maxDelayMs: this.config.PROMOTION_BREAKER_COOLDOWN_MS },
      })
      .catch((error: unknown) => {
        this.logger.error({ error: String(error) }, 'promotion enrichment did not start');
        return undefined;
      });
  }

  async beforeApplicationShutdown(): Promise<void> {
    const subscription = await this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }
}
