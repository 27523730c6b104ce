import { infrastructureEnv, loadConfig, parsers, type ConfigOf, type EnvVarSpec } from '@oms/config';

const url = (description: string, fallback: string): EnvVarSpec<string> => ({ parse: parsers.url, default: fallback, description });
const SIMULATORS = 'http://127.0.0.1:4020';

/** Every variable fulfillment-service reads, validated at start (`loadFulfillmentServiceConfig`). */
export const fulfillmentServiceEnv = {
  ...infrastructureEnv,
  DATABASE_SCHEMA: { parse: parsers.sqlIdentifier, default: 'fulfillment_service', description: 'PostgreSQL schema the service owns (shipments, tracks, call log, review items, inbox)' } satisfies EnvVarSpec<string>,
  DATABASE_POOL_SIZE: { parse: parsers.positiveInteger, default: 16, description: 'PostgreSQL connections' } satisfies EnvVarSpec<number>,
  HTTP_PORT: { parse: parsers.integer, default: 3003, description: 'port of the push endpoints, call-log and shipment API, /docs, /health, /metrics (0 = any free port)' } satisfies EnvVarSpec<number>,
  MIGRATE_ON_START: { parse: parsers.boolean, default: true, description: 'apply pending migrations at start (else run src/migrate.ts)' } satisfies EnvVarSpec<boolean>,
  WAREHOUSE_API_URL: url('base URL of the warehouse (WMS) inventory API', SIMULATORS),
  E_WAYBILL_API_URL: url('base URL of the e-waybill (电子面单) platform', SIMULATORS),
  SF_API_URL: url('base URL of SF Express (丰桥) open API', SIMULATORS),
  ZTO_API_URL: url('base URL of ZTO open API', SIMULATORS),
  JD_API_URL: url('base URL of JD Logistics open API', SIMULATORS),
  KUAIDI100_API_URL: url('base URL of the Kuaidi100 aggregator API (YTO, STO, Yunda, J&T, EMS go through it)', SIMULATORS),
  CALL_MAX_ATTEMPTS: { parse: parsers.positiveInteger, default: 3, description: 'attempts of one warehouse or carrier call (each one recorded) before it counts as failed' } satisfies EnvVarSpec<number>,
  CALL_BACKOFF_MS: { parse: parsers.positiveInteger, default: 200, description: 'wait before the second attempt; doubles for each further one' } satisfies EnvVarSpec<number>,
  CALL_TIMEOUT_MS: { parse: parsers.positiveInteger, default: 5_000, description: 'longest wait for one attempt' } satisfies EnvVarSpec<number>,
  TRACK_POLL_INTERVAL_MS: { parse: parsers.integer, default: 60_000, description: 'how often open shipments are polled at their carrier (0 = no polling)' } satisfies EnvVarSpec<number>,
  STATUS_LAG_ALERT_MS: { parse: parsers.positiveInteger, default: 600_000, description: 'a shipment whose carrier status is newer than what we published for longer than this raises a review item' } satisfies EnvVarSpec<number>,
  CLOCK_SKEW_TOLERANCE_MS: { parse: parsers.positiveInteger, default: 100, description: 'two of our clocks (this service, PostgreSQL, the services producing the order log) further apart than this raise a CLOCK_SKEW review item' } satisfies EnvVarSpec<number>,
  CLOCK_SKEW_CHECK_INTERVAL_MS: { parse: parsers.integer, default: 60_000, description: 'how often this service compares its clock with PostgreSQL by round trips (0 = never)' } satisfies EnvVarSpec<number>,
  KAFKA_GROUP_ID: { parse: parsers.string, default: 'fulfillment-service', description: 'consumer group of the order log and the WMS scans; the carrier-tracks topic is read by `<KAFKA_GROUP_ID>.carrier-tracks`' } satisfies EnvVarSpec<string>,
  TRACKS_PER_TRANSACTION: { parse: parsers.positiveInteger, default: 256, description: 'most carrier-track records written in one transaction (one statement per step for all of them)' } satisfies EnvVarSpec<number>,
  KAFKA_TOPIC_PREFIX: { parse: parsers.string, default: '', description: 'prefix of every topic name (isolated test runs); the public names when empty' } satisfies EnvVarSpec<string>,
  KAFKA_PARTITIONS_CONCURRENTLY: { parse: parsers.positiveInteger, default: 8, description: 'partitions processed at the same time, each in its own transaction' } satisfies EnvVarSpec<number>,
  KAFKA_TOPIC_PARTITIONS: { parse: parsers.positiveInteger, default: 4, description: 'partitions of topics the service creates when missing' } satisfies EnvVarSpec<number>,
};

/** The validated configuration. */
export type FulfillmentServiceConfig = ConfigOf<typeof fulfillmentServiceEnv>;

/** Reads and validates the configuration; throws `ConfigError` naming every bad variable. */
export function loadFulfillmentServiceConfig(env: NodeJS.ProcessEnv = process.env): FulfillmentServiceConfig {
  return loadConfig(fulfillmentServiceEnv, env);
}
