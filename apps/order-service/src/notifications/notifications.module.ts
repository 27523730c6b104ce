import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { APP_LOGGER, ORDER_SERVICE_CONFIG } from '../app/tokens';
import type { OrderServiceConfig } from '../config/order-service.config';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';

/** The notification webhook: the delivery table and the worker that drains it. */
@Module({
  providers: [
    { provide: WebhookDeliveryRepository, inject: [Pool], useFactory: (pool: Pool) => new WebhookDeliveryRepository(pool) },
    {
      provide: WebhookDeliveryWorker,
      inject: [WebhookDeliveryRepository, APP_LOGGER, ORDER_SERVICE_CONFIG],
      useFactory: (deliveries: WebhookDeliveryRepository, logger: Logger, config: OrderServiceConfig) =>
        new WebhookDeliveryWorker(deliveries, logger.child({ component: 'webhook' }), { url: config.NOTIFICATION_WEBHOOK_URL }),
    },
  ],
  exports: [WebhookDeliveryRepository, WebhookDeliveryWorker],
})
export class NotificationsModule {}
