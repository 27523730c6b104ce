import { encode, type RecordName, type RecordTypes } from '@oms/contracts';
import { EventStore } from '@oms/event-store';
import { InMemoryInboxStore, KafkaMessageBus, KafkaTopicAdmin, PrefixedTopicsBus } from '@oms/messaging';
import { createTestSchema, testDatabaseUrl, testKafkaBrokers, uniqueName, type TestSchema } from '@oms/testing';
import { SERVICE_TOPICS, startOrderService, type RunningOrderService } from '../app/order-service.app';
import { loadOrderServiceConfig } from '../config/order-service.config';
import { OrderEventLog, type PublishedEvent } from './order-event-log';
import { testLogger } from './silent-logger';

/** The HS256 key of the test service's tokens. */
export const TEST_JWT_SECRET = 'order-service-test-secret-0123456789';

/** order-service running in this process on the real broker and database, isolated by schema and topic prefix. */
export interface ServiceHarness {
  service: RunningOrderService;
  db: TestSchema;
  store: EventStore;
  /** The run's topic prefix (topics are `<prefix><public name>`). */
  prefix: string;
  /** Order events as a downstream consumer sees them. */
  events: OrderEventLog;
  /** Publishes one ingress record with a plain producer (public topic name; the prefix is added). */
  publish<N extends RecordName>(topic: string, key: string, recordName: N, value: RecordTypes[N], messageId?: string): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  webhookUrl?: string;
  /** Called for every order event read back, e.g. to answer reservation requests as fulfilment would. */
  onEvent?: (event: PublishedEvent, harness: ServiceHarness) => Promise<void>;
  /** More configuration of the service (e.g. `DISPATCH_DECISION_WINDOW`). */
  env?: Record<string, string>;
}

/** Starts order-service and a test client (producer + order-event reader) with a fresh schema and topic prefix. */
export async function startHarness(options: HarnessOptions = {}): Promise<ServiceHarness> {
  const db = await createTestSchema('order_service');
  const prefix = `${uniqueName('os')}.`;
  const config = loadOrderServiceConfig({
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: db.schema,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_GROUP_ID: `${prefix}order-service`,
    HTTP_PORT: '0',
    JWT_SECRET: TEST_JWT_SECRET,
    NOTIFICATION_WEBHOOK_URL: options.webhookUrl,
    ...options.env,
  });
  const service = await startOrderService(config, testLogger());
  const client = new PrefixedTopicsBus(new KafkaMessageBus({ brokers: config.KAFKA_BROKERS, clientId: 'order-service-test', inbox: new InMemoryInboxStore() }), prefix);
  let sequence = 0;
  const harness: ServiceHarness = {
    service,
    db,
    prefix,
    store: new EventStore(db.pool),
    events: new OrderEventLog((event) => options.onEvent?.(event, harness) ?? Promise.resolve()),
    async publish(topic, key, recordName, value, messageId = `${recordName}-${key}-${++sequence}`) {
      await client.producer.send([{ topic, key, value: encode(recordName, value), headers: { 'message-id': messageId, 'correlation-id': `test-${key}` } }]);
    },
    async close() {
      await harness.events.stop();
      await service.app.close();
      await client.close();
      const admin = new KafkaTopicAdmin({ brokers: config.KAFKA_BROKERS, clientId: 'order-service-test-admin' });
      await admin.deleteTopics(SERVICE_TOPICS.map((topic) => client.actual(topic))).finally(() => admin.close());
      await db.drop();
    },
  };
  await harness.events.start(client, `${prefix}readers`);
  return harness;
}
