import { Module, type DynamicModule } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { MessageBus } from '@oms/messaging';
import { HEALTH_PROBES, HealthModule, loggingModule, MetricsModule, postgresProbe } from '@oms/nest-kit';
import type { FulfillmentServiceConfig } from '../config/fulfillment-service.config';
import { FulfillmentModule } from './fulfillment.module';
import { busProbe } from './health-probes';
import { InfrastructureModule } from './infrastructure.module';
import { ServiceLifecycle } from './service-lifecycle';
import { MESSAGE_BUS } from './tokens';

/** fulfillment-service: order-log and carrier-track handlers, push endpoints, read API, health and metrics. */
@Module({})
export class AppModule {
  static forRoot(config: FulfillmentServiceConfig, logger: Logger, bus?: MessageBus<PoolClient>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(logger),
        InfrastructureModule.forRoot(config, logger, bus),
        FulfillmentModule,
        MetricsModule,
        HealthModule.forRoot({
          provide: HEALTH_PROBES,
          inject: [Pool, MESSAGE_BUS],
          useFactory: (pool: Pool, messageBus: MessageBus<PoolClient>) => [postgresProbe(pool), busProbe(messageBus)],
        }),
      ],
      providers: [ServiceLifecycle, { provide: ServiceLifecycle.ownsBus, useValue: bus === undefined }],
    };
  }
}
