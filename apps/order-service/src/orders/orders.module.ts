import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { EventStore } from '@oms/event-store';
import { Pool } from 'pg';
import { APP_LOGGER, ORDER_SERVICE_CONFIG } from '../app/tokens';
import type { OrderServiceConfig } from '../config/order-service.config';
import { CommittedOrderCache } from './committed-order.cache';
import { OrderCommandService } from './order-command.service';
import { OrderSnapshotRepository } from './order-snapshot.repository';
import { OrderStreamRepository } from './order-stream.repository';
import { PaymentTimeoutSweeper } from './payment-timeout.sweeper';
import { RejectedCommandRepository } from './rejected-command.repository';
import { TransactionOrderCache } from './transaction-order.cache';

/** The command path: streams, the order caches, rejected commands, the command service, the payment timer. */
@Module({
  providers: [
    {
      provide: OrderStreamRepository,
      inject: [EventStore, Pool, ORDER_SERVICE_CONFIG],
      useFactory: (store: EventStore, pool: Pool, config: OrderServiceConfig) =>
        new OrderStreamRepository(store, config.ORDER_SNAPSHOT_EVERY > 0 ? { snapshots: new OrderSnapshotRepository(pool), every: config.ORDER_SNAPSHOT_EVERY } : undefined),
    },
    { provide: TransactionOrderCache, useValue: new TransactionOrderCache() },
    { provide: CommittedOrderCache, useValue: new CommittedOrderCache() },
    { provide: RejectedCommandRepository, useValue: new RejectedCommandRepository() },
    {
      provide: OrderCommandService,
      inject: [EventStore, OrderStreamRepository, TransactionOrderCache, CommittedOrderCache, RejectedCommandRepository, APP_LOGGER],
      useFactory: (store: EventStore, streams: OrderStreamRepository, cache: TransactionOrderCache, committed: CommittedOrderCache, rejected: RejectedCommandRepository, logger: Logger) =>
        new OrderCommandService(store, streams, cache, committed, rejected, logger.child({ component: 'orders' })),
    },
    {
      provide: PaymentTimeoutSweeper,
      inject: [Pool, OrderCommandService, APP_LOGGER, ORDER_SERVICE_CONFIG],
      useFactory: (pool: Pool, orders: OrderCommandService, logger: Logger, config: OrderServiceConfig) =>
        new PaymentTimeoutSweeper(pool, orders, logger.child({ component: 'payment-timeout' }), config.PAYMENT_CONFIRMATION_TIMEOUT),
    },
  ],
  exports: [OrderCommandService, OrderStreamRepository, CommittedOrderCache, PaymentTimeoutSweeper],
})
export class OrdersModule {}
