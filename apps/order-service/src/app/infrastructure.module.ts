import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import { CommitSignal, EventStore } from '@oms/event-store';
import { KafkaMessageBus, PostgresInboxStore, PrefixedTopicsBus, type MessageBus } from '@oms/messaging';
import { messagingLogger } from '@oms/nest-kit';
import { createPool } from '@oms/postgres';
import type { OrderServiceConfig } from '../config/order-service.config';
import { APP_LOGGER, MESSAGE_BUS, ORDER_SERVICE_CONFIG, RELAY_ON_THREAD } from './tokens';

/**
 * The service's connections: in its schema, and never waiting long for a row lock. Two batches
 * appending to one order from different partitions block on the stream's unique index; without a
 * bound a wait lasts until the other commits, and a deadlock until PostgreSQL's 1 s detection.
 * With it the loser fails fast and its batch is retried (the messaging layer's transient path).
 */
function servicePool(config: OrderServiceConfig): Pool {
  const pool = createPool({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, max: config.DATABASE_POOL_SIZE, applicationName: 'order-service' });
  // Queued before any other query of the new connection.
  pool.on('connect', (client) => void client.query(`SET lock_timeout = ${config.DATABASE_LOCK_TIMEOUT_MS}`).catch(() => undefined));
  return pool;
}

/** What a composition root (the one-process main job) may substitute. */
export interface OrderServiceOverrides {
  /** The bus handlers consume from, given the service's pool (for its inbox); default: Kafka from the config. Closed at shutdown. */
  createBus?: (pool: Pool) => MessageBus<PoolClient>;
}

/**
 * Configuration, logger, the schema's pool, the event store, the Kafka bus and the commits of its
 * consumer transactions (which wake the outbox relay), for every module.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: OrderServiceConfig, logger: Logger, overrides: OrderServiceOverrides = {}): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: ORDER_SERVICE_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger },
        { provide: Pool, useFactory: () => servicePool(config) },
        { provide: EventStore, inject: [Pool], useFactory: (pool: Pool) => new EventStore(pool) },
        { provide: CommitSignal, useValue: new CommitSignal() },
        // A thread has its own isolate: it can publish to Kafka, not to an in-process bus.
        { provide: RELAY_ON_THREAD, useValue: config.OUTBOX_RELAY_THREAD && !overrides.createBus },
        {
          provide: MESSAGE_BUS,
          inject: [Pool],
          useFactory: (pool: Pool) =>
            overrides.createBus?.(pool) ??
            new PrefixedTopicsBus<PoolClient>(
              new KafkaMessageBus({
                brokers: config.KAFKA_BROKERS,
                clientId: 'order-service',
                inbox: new PostgresInboxStore(pool),
                logger: messagingLogger(logger.child({ component: 'messaging' })),
                consumer: {
                  sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
                  heartbeatIntervalMs: Math.min(3_000, Math.floor(config.KAFKA_SESSION_TIMEOUT_MS / 3)),
                  minBytes: config.KAFKA_FETCH_MIN_BYTES,
                  maxWaitTimeMs: config.KAFKA_FETCH_MAX_WAIT_MS,
                },
              }),
              config.KAFKA_TOPIC_PREFIX,
            ),
        },
      ],
      exports: [ORDER_SERVICE_CONFIG, APP_LOGGER, Pool, EventStore, CommitSignal, MESSAGE_BUS, RELAY_ON_THREAD],
    };
  }
}
