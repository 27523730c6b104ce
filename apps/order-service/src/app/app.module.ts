import { Module, type DynamicModule } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { MessageBus } from '@oms/messaging';
import { HEALTH_PROBES, HealthModule, loggingModule, MetricsModule, postgresProbe } from '@oms/nest-kit';
import type { OrderServiceConfig } from '../config/order-service.config';
import { DispatchModule } from '../dispatch/dispatch.module';
import { EnrichmentModule } from '../enrichment/enrichment.module';
import { HttpApiModule } from '../http/http-api.module';
import { IngressModule } from '../ingress/ingress.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrdersModule } from '../orders/orders.module';
import { kafkaProbe } from './health-probes';
import { InfrastructureModule, type OrderServiceOverrides } from './infrastructure.module';
import { ServiceLifecycle } from './service-lifecycle';
import { MESSAGE_BUS } from './tokens';

/** order-service: ingress handlers, the command path, the outbox, the HTTP API, health and metrics. */
@Module({})
export class AppModule {
  static forRoot(config: OrderServiceConfig, logger: Logger, overrides: OrderServiceOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(logger),
        InfrastructureModule.forRoot(config, logger, overrides),
        IngressModule,
        OrdersModule,
        HttpApiModule,
        NotificationsModule,
        DispatchModule,
        EnrichmentModule,
        MetricsModule,
        HealthModule.forRoot({
          provide: HEALTH_PROBES,
          inject: [Pool, MESSAGE_BUS],
          useFactory: (pool: Pool, bus: MessageBus<PoolClient>) => [postgresProbe(pool), kafkaProbe(bus)],
        }),
      ],
      providers: [ServiceLifecycle],
    };
  }
}
