import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import { CommitSignal } from '@oms/event-store';
import { messagingLogger } from '@oms/nest-kit';
import { KafkaMessageBus, PostgresInboxStore, PrefixedTopicsBus, type MessageBus } from '@oms/messaging';
import { createPool } from '@oms/postgres';
import type { FulfillmentServiceConfig } from '../config/fulfillment-service.config';
import { CommitBatches } from '../ingress/commit-batches';
import { APP_LOGGER, FULFILLMENT_CONFIG, MESSAGE_BUS } from './tokens';

/** The bus the service runs on unless one is handed in: Kafka, behind the configured topic prefix. */
function kafkaBus(config: FulfillmentServiceConfig, pool: Pool, logger: Logger): MessageBus<PoolClient> {
  const kafka = new KafkaMessageBus({ brokers: config.KAFKA_BROKERS, clientId: 'fulfillment-service', inbox: new PostgresInboxStore(pool), logger: messagingLogger(logger.child({ component: 'messaging' })) });
  return new PrefixedTopicsBus<PoolClient>(kafka, config.KAFKA_TOPIC_PREFIX);
}

/** Configuration, logger, the schema's pool, the message bus and its transactions' commits (which wake the outbox relay), for every module. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: FulfillmentServiceConfig, logger: Logger, bus?: MessageBus<PoolClient>): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: FULFILLMENT_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger },
        { provide: Pool, useFactory: () => createPool({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: config.DATABASE_POOL_SIZE, applicationName: 'fulfillment-service' }) },
        { provide: CommitBatches, useValue: new CommitBatches() },
        { provide: CommitSignal, useValue: new CommitSignal() },
        { provide: MESSAGE_BUS, inject: [Pool], useFactory: (pool: Pool) => bus ?? kafkaBus(config, pool, logger) },
      ],
      exports: [FULFILLMENT_CONFIG, APP_LOGGER, Pool, MESSAGE_BUS, CommitBatches, CommitSignal],
    };
  }
}
