import { Module, type DynamicModule } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { MessageBus } from '@oms/messaging';
import { HEALTH_PROBES, HealthModule, loggingModule, MetricsModule, postgresProbe } from '@oms/nest-kit';
import type { ReconciliationServiceConfig } from '../config/reconciliation-service.config';
import { InputsModule } from '../inputs/inputs.module';
import { ProjectionModule } from '../projection/projection.module';
import { ReportModule } from '../report/report.module';
import { ReviewModule } from '../review/review.module';
import type { Clock } from './clock';
import { busProbe } from './health-probes';
import { InfrastructureModule, type InfrastructureOverrides } from './infrastructure.module';
import { OWNS_BUS, ServiceLifecycle } from './service-lifecycle';
import { MESSAGE_BUS } from './tokens';

/** reconciliation-service: input consumers, the projection and its matching loop, the review queue, the daily report, health and metrics. */
@Module({})
export class AppModule {
  static forRoot(config: ReconciliationServiceConfig, logger: Logger, clock: Clock, overrides: InfrastructureOverrides): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(logger),
        InfrastructureModule.forRoot(config, logger, clock, overrides),
        InputsModule,
        ProjectionModule,
        ReviewModule,
        ReportModule,
        MetricsModule,
        HealthModule.forRoot({
          provide: HEALTH_PROBES,
          inject: [Pool, MESSAGE_BUS],
          useFactory: (pool: Pool, bus: MessageBus<PoolClient>) => [postgresProbe(pool), busProbe(bus)],
        }),
      ],
      providers: [ServiceLifecycle, { provide: OWNS_BUS, useValue: overrides.bus === undefined }],
    };
  }
}
