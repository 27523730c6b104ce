import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import { messagingLogger } from '@oms/nest-kit';
import { KafkaMessageBus, PostgresInboxStore, PrefixedTopicsBus, type MessageBus } from '@oms/messaging';
import { createPool } from '@oms/postgres';
import type { ReconciliationServiceConfig } from '../config/reconciliation-service.config';
import { ReconciliationTables } from '../database/tables';
import type { Clock } from './clock';
import { APP_LOGGER, CLOCK, MESSAGE_BUS, RECONCILIATION_CONFIG } from './tokens';

function kafkaBus(config: ReconciliationServiceConfig, logger: Logger, pool: Pool): MessageBus<PoolClient> {
  const kafka = new KafkaMessageBus({
    brokers: config.KAFKA_BROKERS,
    clientId: 'reconciliation-service',
    inbox: new PostgresInboxStore(pool),
    logger: messagingLogger(logger.child({ component: 'messaging' })),
    consumer: { sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS, heartbeatIntervalMs: Math.min(3_000, Math.floor(config.KAFKA_SESSION_TIMEOUT_MS / 3)) },
  });
  return new PrefixedTopicsBus<PoolClient>(kafka, config.KAFKA_TOPIC_PREFIX);
}

/** Replacements a runner or a test passes to `startReconciliationService`. */
export interface InfrastructureOverrides {
  /** The bus to consume from (e.g. a view of one in-process bus shared by every service); the service then does not close it. */
  bus?: MessageBus<PoolClient>;
  /** Or: builds the bus on the service's own pool (e.g. `shared.withInbox(new PostgresInboxStore(pool))`); the service closes what it built. */
  createBus?: (pool: Pool) => MessageBus<PoolClient>;
  clock?: Clock;
}

/** Configuration, logger, clock, the schema's pool and tables, and the bus, for every module. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: ReconciliationServiceConfig, logger: Logger, clock: Clock, overrides: InfrastructureOverrides): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: RECONCILIATION_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger },
        { provide: CLOCK, useValue: clock },
        { provide: ReconciliationTables, useValue: new ReconciliationTables(config.DATABASE_SCHEMA) },
        {
          provide: Pool,
          useFactory: () => createPool({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: config.DATABASE_POOL_SIZE, applicationName: 'reconciliation-service' }),
        },
        { provide: MESSAGE_BUS, inject: [Pool], useFactory: (pool: Pool) => overrides.bus ?? overrides.createBus?.(pool) ?? kafkaBus(config, logger, pool) },
      ],
      exports: [RECONCILIATION_CONFIG, APP_LOGGER, CLOCK, ReconciliationTables, Pool, MESSAGE_BUS],
    };
  }
}
