import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { Pool } from 'pg';
import { APP_LOGGER, ORDER_SERVICE_CONFIG } from '../app/tokens';
import type { OrderServiceConfig } from '../config/order-service.config';
import { DispatchModule } from '../dispatch/dispatch.module';
import { OrderCommandService } from '../orders/order-command.service';
import { OrdersModule } from '../orders/orders.module';
import { ChannelOrderHandler } from './channel-order.handler';
import { FulfilmentHandler } from './fulfilment.handler';
import { FulfilmentIngressService } from './fulfilment-ingress.service';
import { OrderPlacementService } from './order-placement.service';
import { ParkedPaymentSweeper } from './parked-payment.sweeper';
import { PaymentHandler } from './payment.handler';
import { PaymentIngressService } from './payment-ingress.service';
import { PaymentRoutingRepository } from './payment-routing.repository';

/** The `@EventPattern` handlers of the ingress topics and the services they delegate to. */
@Module({
  imports: [OrdersModule, DispatchModule],
  controllers: [ChannelOrderHandler, PaymentHandler, FulfilmentHandler],
  providers: [
    { provide: PaymentRoutingRepository, useValue: new PaymentRoutingRepository() },
    {
      provide: PaymentIngressService,
      inject: [PaymentRoutingRepository, OrderCommandService, APP_LOGGER],
      useFactory: (routing: PaymentRoutingRepository, orders: OrderCommandService, logger: Logger) => new PaymentIngressService(routing, orders, logger.child({ component: 'payments' })),
    },
    {
      provide: OrderPlacementService,
      inject: [OrderCommandService, PaymentIngressService, ORDER_SERVICE_CONFIG],
      useFactory: (orders: OrderCommandService, payments: PaymentIngressService, config: OrderServiceConfig) => new OrderPlacementService(orders, payments, config.AVERAGE_SHIP_DURATION),
    },
    {
      provide: ParkedPaymentSweeper,
      inject: [Pool, PaymentRoutingRepository, PaymentIngressService, APP_LOGGER],
      useFactory: (pool: Pool, routing: PaymentRoutingRepository, payments: PaymentIngressService, logger: Logger) =>
        new ParkedPaymentSweeper(pool, routing, payments, logger.child({ component: 'parked-payments' })),
    },
    { provide: FulfilmentIngressService, inject: [OrderCommandService], useFactory: (orders: OrderCommandService) => new FulfilmentIngressService(orders) },
  ],
  exports: [ParkedPaymentSweeper],
})
export class IngressModule {}
