import type { PoolClient } from 'pg';
import { encode, Headers, Topics, type RecordName, type RecordTypes } from '@oms/contracts';
import { InMemoryInboxStore, KafkaMessageBus, KafkaTopicAdmin, PrefixedTopicsBus, type MessageBus } from '@oms/messaging';
import { createTestSchema, testDatabaseUrl, testKafkaBrokers, uniqueName, type TestSchema } from '@oms/testing';
import { FULFILLMENT_TOPICS, startFulfillmentService, type RunningFulfillmentService } from '../app/fulfillment-service.app';
import { loadFulfillmentServiceConfig } from '../config/fulfillment-service.config';
import { FulfillmentEventLog } from './fulfillment-event-log';
import { startLogisticsSimulator, type LogisticsSimulator } from './logistics-simulator';
import { testLogger } from './test-logger';

/** The stock the simulated warehouses start with. */
export const TEST_STOCK = [
  { warehouseId: 'WH-HZ-01', sku: 'TEA-LJ-250G', onHand: 50 },
  { warehouseId: 'WH-HZ-01', sku: 'TEA-BLC-100G', onHand: 3 },
  { warehouseId: 'WH-SH-02', sku: 'CUP-GLASS-300', onHand: 20 },
];

/** fulfillment-service in this process with the simulators, on the real broker (or a given bus) and database. */
export interface FulfillmentHarness {
  service: RunningFulfillmentService;
  simulator: LogisticsSimulator;
  db: TestSchema;
  events: FulfillmentEventLog;
  publish<N extends RecordName>(topic: string, key: string, recordName: N, value: RecordTypes[N], messageId?: string): Promise<void>;
  /** Several records of one type in one send (they reach the service together, likely in one chunk). */
  publishAll<N extends RecordName>(topic: string, recordName: N, records: Array<{ key: string; value: RecordTypes[N]; messageId: string }>): Promise<void>;
  /** GET on the service's HTTP API, parsed. */
  get<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

/** Options of {@link startFulfillmentHarness}. */
export interface FulfillmentHarnessOptions {
  /** Run on this bus instead of Kafka (the composed-runner path). */
  bus?: (db: TestSchema) => MessageBus<PoolClient>;
  backoffMs?: number;
  /** Join another service's run (its topic prefix; it owns and deletes the shared topics). */
  prefix?: string;
}

/** Starts the simulators and the service with a fresh schema and topic prefix; carriers push to the service. */
export async function startFulfillmentHarness(options: FulfillmentHarnessOptions = {}): Promise<FulfillmentHarness> {
  const db = await createTestSchema('fulfillment');
  const prefix = options.prefix ?? `${uniqueName('fs')}.`;
  const simulator = await startLogisticsSimulator({ stock: TEST_STOCK });
  const config = loadFulfillmentServiceConfig({
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: db.schema,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_GROUP_ID: `${prefix}fulfillment-service`,
    HTTP_PORT: '0',
    WAREHOUSE_API_URL: simulator.url,
    E_WAYBILL_API_URL: simulator.url,
    SF_API_URL: simulator.url,
    ZTO_API_URL: simulator.url,
    JD_API_URL: simulator.url,
    KUAIDI100_API_URL: simulator.url,
    CALL_BACKOFF_MS: String(options.backoffMs ?? 50),
    TRACK_POLL_INTERVAL_MS: '0',
  });
  const sharedBus = options.bus?.(db);
  const service = await startFulfillmentService(config, testLogger(), { bus: sharedBus });
  simulator.carriers.setPushBaseUrl(service.url);
  const client: MessageBus<unknown> = sharedBus
    ? (sharedBus as MessageBus<unknown>)
    : new PrefixedTopicsBus(new KafkaMessageBus({ brokers: config.KAFKA_BROKERS, clientId: 'fulfillment-test', inbox: new InMemoryInboxStore() }), prefix);
  const events = new FulfillmentEventLog();
  await events.start(client, `${prefix}fulfillment-readers`);
  let sequence = 0;
  return {
    service,
    simulator,
    db,
    events,
    async publish(topic, key, recordName, value, messageId = `${recordName}-${key}-${++sequence}`) {
      await client.producer.send([{ topic, key, value: encode(recordName, value), headers: { [Headers.messageId]: messageId, [Headers.correlationId]: `test-${key}`, [Headers.eventType]: recordName } }]);
    },
    async publishAll(topic, recordName, records) {
      await client.producer.send(records.map(({ key, value, messageId }) => ({ topic, key, value: encode(recordName, value), headers: { [Headers.messageId]: messageId, [Headers.correlationId]: `test-${key}`, [Headers.eventType]: recordName } })));
    },
    async get<T>(path: string): Promise<T> {
      const response = await fetch(`${service.url}${path}`);
      if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async close() {
      await events.stop();
      await service.app.close();
      await simulator.stop();
      if (sharedBus) {
        await sharedBus.close();
      } else {
        await client.close();
        const admin = new KafkaTopicAdmin({ brokers: config.KAFKA_BROKERS, clientId: 'fulfillment-test-admin' });
        const owned = options.prefix ? [Topics.ingressCarrierTracks] : FULFILLMENT_TOPICS;
        await admin.deleteTopics(owned.map((topic) => `${prefix}${topic}`)).finally(() => admin.close());
      }
      await db.drop();
    },
  };
}
