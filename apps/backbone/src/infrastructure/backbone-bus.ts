import type { Pool, PoolClient } from 'pg';
import { InMemoryInboxStore, InProcessBus, KafkaMessageBus, PostgresInboxStore, PrefixedTopicsBus, type InMemoryUnitOfWork, type MessageBus, type MessageProducer, type MessagingLogger } from '@oms/messaging';
import { createPool } from '@oms/postgres';

/** A view of the shared bus with its inbox in one service's schema, and how to let it go. */
export interface SchemaBus {
  bus: MessageBus<PoolClient>;
  /** Closes the view (its subscriptions) and its pool; the shared bus keeps running. */
  close(): Promise<void>;
}

/** ONE in-process bus every service shares, each through a view with its own inbox (in its own schema). */
export interface InProcessBackboneBus {
  readonly kind: 'in-process';
  readonly brokers: 'inprocess';
  /** The bus a consuming service uses: its inbox lives in its own pool's schema. */
  forPool(pool: Pool): MessageBus<PoolClient>;
  /**
   * For a service that takes a ready bus (`{ bus }`) rather than building it on its own pool:
   * handlers get connections of a small pool in the service's `schema`, where its inbox table is.
   */
  forSchema(databaseUrl: string, schema: string, applicationName: string): SchemaBus;
  /** For a simulated outside system that keeps nothing: an inbox in memory. */
  forMemory(): MessageBus<InMemoryUnitOfWork>;
  close(): Promise<void>;
}

/** The real broker: each service connects with its own clients, as in production. */
export interface KafkaBackboneBus {
  readonly kind: 'kafka';
  /** Bootstrap servers, comma-separated. */
  readonly brokers: string;
  /** `KAFKA_TOPIC_PREFIX` of the run ('' = the public topic names). */
  readonly topicPrefix: string;
  close(): Promise<void>;
}

/** The message bus of the main job. */
export type BackboneBus = InProcessBackboneBus | KafkaBackboneBus;

/** Kafka when `KAFKA_BROKERS` names servers, else the shared in-process bus. */
export function openBackboneBus(env: NodeJS.ProcessEnv, logger: MessagingLogger): BackboneBus {
  const brokers = env['KAFKA_BROKERS']?.trim();
  // A fresh topic prefix per run unless one is given (KAFKA_TOPIC_PREFIX= for the public names):
  // a shared broker's older messages would otherwise become this run's orders.
  if (brokers && brokers !== 'inprocess') return { kind: 'kafka', brokers, topicPrefix: env['KAFKA_TOPIC_PREFIX'] ?? `backbone-${Date.now()}.`, close: async () => undefined };
  const shared = new InProcessBus<unknown>({ inbox: new InMemoryInboxStore(), logger });
  return {
    kind: 'in-process',
    brokers: 'inprocess',
    forPool: (pool) => shared.withInbox(new PostgresInboxStore(pool)),
    forMemory: () => shared.withInbox(new InMemoryInboxStore()),
    forSchema: (databaseUrl, schema, applicationName) => {
      const pool = createPool({ url: databaseUrl, schema, max: 4, applicationName });
      const bus = shared.withInbox(new PostgresInboxStore(pool));
      return {
        bus,
        close: async () => {
          await bus.close();
          await pool.end();
        },
      };
    },
    close: () => shared.close(),
  };
}

/**
 * A producer for a simulated outside system that only publishes (the bank feed): a view of the
 * in-process bus, or its own Kafka client under the run's topic prefix.
 */
export function outsideProducer(bus: BackboneBus, clientId: string): { producer: MessageProducer; close(): Promise<void> } {
  if (bus.kind === 'in-process') return { producer: bus.forMemory().producer, close: async () => undefined };
  const kafka = new PrefixedTopicsBus(new KafkaMessageBus({ brokers: bus.brokers.split(','), clientId, inbox: new InMemoryInboxStore() }), bus.topicPrefix);
  return { producer: kafka.producer, close: () => kafka.close() };
}

/**
 * The Kafka variables of a service started in this process: the broker and the run's prefix on
 * Kafka; on the in-process bus the service never connects (its bus is replaced), but its config
 * still validates a broker list.
 */
export function kafkaEnvOf(bus: BackboneBus): { KAFKA_BROKERS: string; KAFKA_TOPIC_PREFIX: string } {
  return bus.kind === 'kafka' ? { KAFKA_BROKERS: bus.brokers, KAFKA_TOPIC_PREFIX: bus.topicPrefix } : { KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_TOPIC_PREFIX: '' };
}
