import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { decode, Topics, type DecodedRecord } from '@oms/contracts';
import { CommitSignal, EventStore } from '@oms/event-store';
import type { MessageBus } from '@oms/messaging';
import { connectKafkaTransport, KafkaEventTransport, setupHttpApp } from '@oms/nest-kit';
import { migrateDatabase } from '@oms/postgres';
import type { OrderServiceConfig } from '../config/order-service.config';
import { ALL_MIGRATIONS } from '../database/all-migrations';
import { chunkWriteBehind } from '../ingress/chunk-write-behind';
import { PaymentIngressService } from '../ingress/payment-ingress.service';
import { CommittedOrderCache } from '../orders/committed-order.cache';
import { AppModule } from './app.module';
import type { OrderServiceOverrides } from './infrastructure.module';
import { MESSAGE_BUS } from './tokens';

/** The topics the service consumes (its `@EventPattern`s) and the ones its outbox writes. */
export const SERVICE_TOPICS = [Topics.ingressOrders, Topics.ingressPayments, Topics.ingressInvoices, Topics.fulfillmentEvents, Topics.orderEvents, Topics.ingressWmsScans, Topics.dispatch];

/** Applies pending migrations on a connection of its own (the service's connections bound lock waits; migrations wait for each other). */
async function migrate(config: OrderServiceConfig, logger: Logger): Promise<void> {
  const applied = await migrateDatabase({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, migrations: ALL_MIGRATIONS, applicationName: 'order-service-migrate' });
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
}

/** A started service. */
export interface RunningOrderService {
  app: INestApplication;
  /** Base URL of the HTTP API. */
  url: string;
}

/**
 * Builds and starts order-service: migrations (when `MIGRATE_ON_START`), topics, the Kafka
 * transport (one consumer group over the ingress topics), the outbox relay and the HTTP API.
 * `app.close()` stops consuming, finishes the batch in flight and closes every connection.
 * `overrides.createBus` replaces the Kafka bus (the one-process main job shares one in-process bus).
 */
export async function startOrderService(config: OrderServiceConfig, logger: Logger, overrides: OrderServiceOverrides = {}): Promise<RunningOrderService> {
  const app = await NestFactory.create(AppModule.forRoot(config, logger, overrides), { bufferLogs: true });
  if (config.MIGRATE_ON_START) await migrate(config, logger);
  setupHttpApp(app, { title: 'order-service', description: 'The order state machine: read and audit API, RBAC order changes' });
  const bus = app.get<MessageBus<PoolClient>>(MESSAGE_BUS);
  const commits = app.get(CommitSignal);
  await bus.ensureTopics(SERVICE_TOPICS.map((topic) => ({ topic, partitions: config.KAFKA_TOPIC_PARTITIONS })));
  connectKafkaTransport(
    app,
    new KafkaEventTransport<DecodedRecord, PoolClient>(bus, {
      groupId: config.KAFKA_GROUP_ID,
      decode: (bytes) => decode(bytes),
      partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENTLY,
      // One transaction at a time: a fetch's orders, payments, invoices and answers for one order
      // meet in one transaction instead of racing in several (see the README, "Merged partitions").
      mergePartitions: config.KAFKA_MERGE_PARTITIONS,
      maxMessagesPerTransaction: config.KAFKA_MESSAGES_PER_TRANSACTION,
      // A conflict with another writer of one order (another instance, an HTTP change) is retried as a batch: start soon.
      backoff: { initialDelayMs: 20, maxDelayMs: 5_000 },
      // After each COMMIT the outbox relay publishes the events it wrote now rather than at its
      // next poll. (The orders it left became committed states on the COMMIT itself: onSettled.)
      onBatchProcessed: ({ processed }) => {
        if (processed > 0) commits.committed();
      },
      // A chunk's payment routing and appends go in one statement each, just before its COMMIT.
      writeBehind: chunkWriteBehind(app.get(EventStore), app.get(CommittedOrderCache), app.get(PaymentIngressService)),
    }),
  );
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT);
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}
