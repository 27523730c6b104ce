import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { decode, Topics, type DecodedRecord } from '@oms/contracts';
import type { MessageBus } from '@oms/messaging';
import { connectKafkaTransport, KafkaEventTransport, setupHttpApp } from '@oms/nest-kit';
import { migrateDatabase } from '@oms/postgres';
import type { ReconciliationServiceConfig } from '../config/reconciliation-service.config';
import { ALL_MIGRATIONS } from '../database/all-migrations';
import { MatchingLoop } from '../projection/matching.loop';
import { systemClock, type Clock } from './clock';
import { AppModule } from './app.module';
import type { InfrastructureOverrides } from './infrastructure.module';
import { MESSAGE_BUS } from './tokens';

/** The topics the service consumes (its `@EventPattern`s). */
export const SERVICE_TOPICS = [Topics.orderEvents, Topics.ingressPayments, Topics.ingressBankStatements, Topics.fulfillmentEvents];

/** Applies pending migrations on a connection of its own. */
async function migrate(config: ReconciliationServiceConfig, logger: Logger): Promise<void> {
  const applied = await migrateDatabase({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, migrations: ALL_MIGRATIONS, applicationName: 'reconciliation-service-migrate' });
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
}

/** A started service. */
export interface RunningReconciliationService {
  app: INestApplication;
  /** Base URL of the HTTP API. */
  url: string;
  /** The clock the service reads (the one passed in, or the system clock). */
  clock: Clock;
}

/**
 * Builds and starts reconciliation-service: migrations (when `MIGRATE_ON_START`), topics, the
 * consumer of the four input topics, the matching loop, the 09:00 report scheduler and the HTTP
 * API. `overrides.bus` replaces Kafka (a runner composing every service on one in-process bus
 * passes its view; the service then leaves closing it to the runner), or `overrides.createBus`
 * builds it on the service's own pool; `overrides.clock` replaces the system clock. `app.close()` stops consuming, finishes the batch and the run in flight, and
 * closes every connection.
 */
export async function startReconciliationService(config: ReconciliationServiceConfig, logger: Logger, overrides: InfrastructureOverrides = {}): Promise<RunningReconciliationService> {
  const clock = overrides.clock ?? systemClock;
  const infrastructure: InfrastructureOverrides = { ...overrides, clock };
  if (config.MIGRATE_ON_START) await migrate(config, logger);
  const app = await NestFactory.create(AppModule.forRoot(config, logger, clock, infrastructure), { bufferLogs: true });
  setupHttpApp(app, { title: 'reconciliation-service', description: 'Payments against bank statements: review queue, daily 09:00 Asia/Shanghai anomaly report' });
  const bus = app.get<MessageBus<PoolClient>>(MESSAGE_BUS);
  const matching = app.get(MatchingLoop);
  await bus.ensureTopics(SERVICE_TOPICS.map((topic) => ({ topic, partitions: config.KAFKA_TOPIC_PARTITIONS })));
  connectKafkaTransport(
    app,
    new KafkaEventTransport<DecodedRecord, PoolClient>(bus, {
      groupId: config.KAFKA_GROUP_ID,
      decode: (bytes) => decode(bytes),
      partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENTLY,
      // New facts are committed: matching runs shortly (debounced across batches).
      onBatchProcessed: (summary) => {
        if (summary.processed > 0) matching.notify();
      },
    }),
  );
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT);
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), clock };
}
