import { infrastructureEnv, loadConfig, parsers, type ConfigOf, type EnvVarSpec } from '@oms/config';
import { parseHs256Secret } from '@oms/nest-kit';
import { isIsoDuration } from '@oms/order-domain';
import { dispatchEnv } from '../dispatch/dispatch.config';
import { enrichmentEnv } from '../enrichment/enrichment.config';

function isoDuration(raw: string): string {
  if (!isIsoDuration(raw)) throw new Error(`expected an ISO-8601 duration such as PT24H, got "${raw}"`);
  return raw;
}

/** Every variable order-service reads, validated at start (`loadOrderServiceConfig`). */
export const orderServiceEnv = {
  ...infrastructureEnv,
  DATABASE_SCHEMA: { parse: parsers.sqlIdentifier, default: 'order_service', description: 'PostgreSQL schema the service owns (event store, inbox, its tables)' } satisfies EnvVarSpec<string>,
  DATABASE_POOL_SIZE: { parse: parsers.positiveInteger, default: 24, description: 'PostgreSQL connections' } satisfies EnvVarSpec<number>,
  DATABASE_LOCK_TIMEOUT_MS: { parse: parsers.positiveInteger, default: 200, description: 'longest wait for a row lock; then the batch is retried (ends cross-partition waits and deadlocks fast)' } satisfies EnvVarSpec<number>,
  HTTP_PORT: { parse: parsers.integer, default: 3002, description: 'port of the read/audit API, /docs, /health, /metrics (0 = any free port)' } satisfies EnvVarSpec<number>,
  JWT_SECRET: { parse: parseHs256Secret, secret: true, description: 'HS256 key of the bearer tokens of order changes (at least 16 characters)' } satisfies EnvVarSpec<string>,
  NOTIFICATION_WEBHOOK_URL: { parse: parsers.url, default: null, description: 'where accepted order changes are POSTed; unset = kept pending until one is configured' } satisfies EnvVarSpec<string | null>,
  AVERAGE_SHIP_DURATION: { parse: isoDuration, default: 'PT24H', description: "warehouse's average ship duration; estimated_ship_time = acceptance + this" } satisfies EnvVarSpec<string>,
  PAYMENT_CONFIRMATION_TIMEOUT: { parse: isoDuration, default: 'PT15M', description: 'one side of a payment waiting longer than this for the other raises a review item' } satisfies EnvVarSpec<string>,
  PARKED_PAYMENT_SWEEP_MS: { parse: parsers.positiveInteger, default: 100, description: 'how often payment facts parked while their order was being placed are handed to it' } satisfies EnvVarSpec<number>,
  ORDER_SNAPSHOT_EVERY: { parse: parsers.nonNegativeInteger, default: 50, description: 'a stream replayed over this many events gets a snapshot, and later reads replay only what follows it (0 = no snapshots)' } satisfies EnvVarSpec<number>,
  MIGRATE_ON_START: { parse: parsers.boolean, default: true, description: 'apply pending migrations at start (else run src/migrate.ts)' } satisfies EnvVarSpec<boolean>,
  KAFKA_GROUP_ID: { parse: parsers.string, default: 'order-service', description: 'consumer group of the ingress topics' } satisfies EnvVarSpec<string>,
  KAFKA_TOPIC_PREFIX: { parse: parsers.string, default: '', description: 'prefix of every topic name (isolated test runs); the public names when empty' } satisfies EnvVarSpec<string>,
  KAFKA_PARTITIONS_CONCURRENTLY: { parse: parsers.positiveInteger, default: 16, description: 'ingress partitions handed over at the same time (merged into shared transactions unless KAFKA_MERGE_PARTITIONS=false)' } satisfies EnvVarSpec<number>,
  KAFKA_MERGE_PARTITIONS: { parse: parsers.boolean, default: true, description: 'process the partitions of one fetch in shared transactions, one at a time (false: one transaction per partition, side by side)' } satisfies EnvVarSpec<boolean>,
  KAFKA_MESSAGES_PER_TRANSACTION: { parse: parsers.positiveInteger, default: 1000, description: 'most ingress messages in one transaction' } satisfies EnvVarSpec<number>,
  KAFKA_SESSION_TIMEOUT_MS: { parse: parsers.positiveInteger, default: 30_000, description: 'a consumer silent this long loses its partitions (a crashed instance is replaced after it)' } satisfies EnvVarSpec<number>,
  KAFKA_FETCH_MIN_BYTES: { parse: parsers.positiveInteger, default: 1, description: 'bytes a fetch waits for (up to KAFKA_FETCH_MAX_WAIT_MS): more = larger batches, fewer commits per message, that much more latency' } satisfies EnvVarSpec<number>,
  KAFKA_FETCH_MAX_WAIT_MS: { parse: parsers.positiveInteger, default: 1_000, description: 'longest a fetch waits for KAFKA_FETCH_MIN_BYTES' } satisfies EnvVarSpec<number>,
  OUTBOX_RELAY_THREAD: { parse: parsers.boolean, default: true, description: 'run the outbox relay on a worker thread of its own (Kafka only; the one-process main job keeps it on the main thread)' } satisfies EnvVarSpec<boolean>,
  KAFKA_TOPIC_PARTITIONS: { parse: parsers.positiveInteger, default: 4, description: 'partitions of topics the service creates when missing' } satisfies EnvVarSpec<number>,
  ...dispatchEnv,
  ...enrichmentEnv,
};

/** The validated configuration. */
export type OrderServiceConfig = ConfigOf<typeof orderServiceEnv>;

/** Reads and validates the configuration; throws `ConfigError` naming every bad variable. */
export function loadOrderServiceConfig(env: NodeJS.ProcessEnv = process.env): OrderServiceConfig {
  return loadConfig(orderServiceEnv, env);
}
