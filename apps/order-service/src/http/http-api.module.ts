import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@oms/event-store';
import { WebhookDeliveryRepository } from '../notifications/webhook-delivery.repository';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrderCommandService } from '../orders/order-command.service';
import { OrderStreamRepository } from '../orders/order-stream.repository';
import { OrdersModule } from '../orders/orders.module';
import { JwtGuard } from './jwt.guard';
import { OrderChangeService } from './order-change.service';
import { OrderChangesController } from './order-changes.controller';
import { OrderQueryService } from './order-query.service';
import { OrdersController } from './orders.controller';

/** The read/audit API and the RBAC-guarded order changes. */
@Module({
  imports: [OrdersModule, NotificationsModule],
  controllers: [OrdersController, OrderChangesController],
  providers: [
    JwtGuard,
    { provide: OrderQueryService, inject: [EventStore, OrderStreamRepository], useFactory: (store: EventStore, streams: OrderStreamRepository) => new OrderQueryService(store, streams) },
    {
      provide: OrderChangeService,
      inject: [Pool, OrderCommandService, WebhookDeliveryRepository],
      useFactory: (pool: Pool, orders: OrderCommandService, webhooks: WebhookDeliveryRepository) => new OrderChangeService(pool, orders, webhooks),
    },
  ],
})
export class HttpApiModule {}
