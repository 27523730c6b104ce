import { Module, type DynamicModule } from '@nestjs/common';
import type { MessageBus } from '@oms/messaging';
import { HEALTH_PROBES, HealthModule, loggingModule, MetricsModule, postgresProbe } from '@oms/nest-kit';
import type { Pool } from 'pg';
import { ChannelsModule } from './channels/channels.module';
import type { GatewayModuleOptions } from './infrastructure/gateway-module.options';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { messageBusProbe } from './infrastructure/message-bus.probe';
import { MESSAGE_BUS, PG_POOL } from './infrastructure/tokens';
import { GracefulShutdown } from './operations/graceful-shutdown';
import { PaymentsModule } from './payments/payments.module';
import { RefundsModule } from './refunds/refunds.module';

/** channel-gateway: infrastructure, payments, channels, refunds, and the operational endpoints. */
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayModuleOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        loggingModule(options.logger),
        InfrastructureModule.forRoot(options),
        PaymentsModule,
        ChannelsModule,
        RefundsModule,
        HealthModule.forRoot({
          provide: HEALTH_PROBES,
          inject: [PG_POOL, MESSAGE_BUS],
          useFactory: (pool: Pool, bus: MessageBus<unknown>) => [postgresProbe(pool), messageBusProbe(bus)],
        }),
        MetricsModule,
      ],
      providers: [GracefulShutdown],
    };
  }
}
