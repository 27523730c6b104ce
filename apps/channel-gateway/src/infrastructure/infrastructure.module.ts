import { Global, Module, type DynamicModule } from '@nestjs/common';
import { messagingMigrations } from '@oms/messaging';
import { createPool, runMigrations } from '@oms/postgres';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { systemClock } from './clock';
import { gatewayMigrations } from './gateway.migrations';
import { GATEWAY_MODULE_OPTIONS, type GatewayModuleOptions } from './gateway-module.options';
import { IngressPublisher } from './ingress.publisher';
import { createGatewayBus } from './message-bus.factory';
import { CLOCK, GATEWAY_CONFIG, MESSAGE_BUS, PG_POOL } from './tokens';

function busLogger(logger: Logger) {
  return {
    info: (message: string, fields?: Record<string, unknown>) => logger.info(fields ?? {}, message),
    warn: (message: string, fields?: Record<string, unknown>) => logger.warn(fields ?? {}, message),
    error: (message: string, fields?: Record<string, unknown>) => logger.error(fields ?? {}, message),
  };
}

/**
 * Configuration, clock, the PostgreSQL pool in the gateway's schema (migrated at start), the
 * message bus and the batching publisher — global, so every feature module can inject them.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(options: GatewayModuleOptions): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: GATEWAY_MODULE_OPTIONS, useValue: options },
        { provide: GATEWAY_CONFIG, useValue: options.config },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        {
          provide: PG_POOL,
          useFactory: async (): Promise<Pool> => {
            const { databaseUrl, databaseSchema } = options.config;
            const pool = createPool({ url: databaseUrl, schema: databaseSchema, max: 20, applicationName: 'channel-gateway' });
            await runMigrations(pool, databaseSchema, [...gatewayMigrations, ...messagingMigrations]);
            return pool;
          },
        },
        { provide: MESSAGE_BUS, inject: [PG_POOL], useFactory: (pool: Pool) => options.bus ?? createGatewayBus(options.config, pool, busLogger(options.logger)) },
        IngressPublisher,
      ],
      exports: [GATEWAY_MODULE_OPTIONS, GATEWAY_CONFIG, CLOCK, PG_POOL, MESSAGE_BUS, IngressPublisher],
    };
  }
}
