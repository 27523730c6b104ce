import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { decode, Topics, type DecodedRecord } from '@oms/contracts';
import { CommitSignal } from '@oms/event-store';
import type { MessageBus } from '@oms/messaging';
import { connectKafkaTransport, KafkaEventTransport, setupHttpApp, type KafkaEventTransportOptions } from '@oms/nest-kit';
import type { FulfillmentServiceConfig } from '../config/fulfillment-service.config';
import { migrateFulfillmentService } from '../database/all-migrations';
import { CommitBatches } from '../ingress/commit-batches';
import { AppModule } from './app.module';
import { MESSAGE_BUS } from './tokens';
import { CARRIER_TRACKS_TRANSPORT, carrierTracksGroupId, ORDER_LOG_TRANSPORT } from './transports';

/** The topics the service consumes (its `@EventPattern`s) and the one it publishes to. */
export const FULFILLMENT_TOPICS = [Topics.orderEvents, Topics.ingressCarrierTracks, Topics.ingressWmsScans, Topics.fulfillmentEvents];

/** What a composing runner may replace. */
export interface FulfillmentServiceOverrides {
  /** A bus shared with other services in one process (e.g. an `InProcessBus` over a `PostgresInboxStore` of this schema's pool); its owner closes it. */
  bus?: MessageBus<PoolClient>;
}

/** A started service. */
export interface RunningFulfillmentService {
  app: INestApplication;
  /** Base URL of the HTTP API (push endpoints, /calls, /shipments, /docs, /health, /metrics). */
  url: string;
}

/**
 * Builds and starts fulfillment-service: migrations (when `MIGRATE_ON_START`), topics, one
 * consumer group over the order log and the WMS-scans topics, another over the carrier-tracks topic, the outbox
 * relay, the track poller and the HTTP API. `app.close()` stops consuming, finishes the batch in
 * flight and closes every connection (the bus only when the service created it).
 */
export async function startFulfillmentService(config: FulfillmentServiceConfig, logger: Logger, overrides: FulfillmentServiceOverrides = {}): Promise<RunningFulfillmentService> {
  if (config.MIGRATE_ON_START) {
    const applied = await migrateFulfillmentService(config.DATABASE_URL, config.DATABASE_SCHEMA);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  }
  const app = await NestFactory.create(AppModule.forRoot(config, logger, overrides.bus), { bufferLogs: true, rawBody: true });
  setupHttpApp(app, { title: 'fulfillment-service', description: 'Warehouse and carrier adapters: inventory reservation, sandbox validation, waybills, tracking, call log' });
  const bus = app.get<MessageBus<PoolClient>>(MESSAGE_BUS);
  const commits = app.get(CommitSignal);
  await bus.ensureTopics(FULFILLMENT_TOPICS.map((topic) => ({ topic, partitions: config.KAFKA_TOPIC_PARTITIONS })));
  const transport = (transportId: symbol, groupId: string, options: Pick<KafkaEventTransportOptions<DecodedRecord, PoolClient>, 'maxMessagesPerTransaction' | 'writeBehind'>) => {
    const server = new KafkaEventTransport<DecodedRecord, PoolClient>(bus, {
      groupId,
      decode: (bytes) => decode(bytes),
      partitionsConsumedConcurrently: config.KAFKA_PARTITIONS_CONCURRENTLY,
      // What a committed batch wrote goes out through the outbox relay now, not at its next poll.
      onBatchProcessed: ({ processed }) => {
        if (processed > 0) commits.committed();
      },
      ...options,
    });
    server.setTransportId(transportId);
    connectKafkaTransport(app, server);
  };
  // Each order-log record may make several HTTP calls: keep its transactions short.
  transport(ORDER_LOG_TRANSPORT, config.KAFKA_GROUP_ID, { maxMessagesPerTransaction: 16 });
  // Tracks are written a chunk at a time (one statement per step for the whole chunk).
  transport(CARRIER_TRACKS_TRANSPORT, carrierTracksGroupId(config.KAFKA_GROUP_ID), { maxMessagesPerTransaction: config.TRACKS_PER_TRANSACTION, writeBehind: app.get(CommitBatches) });
  await app.startAllMicroservices();
  await app.listen(config.HTTP_PORT);
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}
