import { infrastructureEnv, loadConfig, parsers, type ConfigOf, type EnvVarSpec } from '@oms/config';
import { parseHs256Secret } from '@oms/nest-kit';

/** Every variable reconciliation-service reads, validated at start (`loadReconciliationServiceConfig`). */
export const reconciliationServiceEnv = {
  ...infrastructureEnv,
  DATABASE_SCHEMA: { parse: parsers.sqlIdentifier, default: 'reconciliation_service', description: 'PostgreSQL schema the service owns (input facts, projection, review audit, inbox)' } satisfies EnvVarSpec<string>,
  DATABASE_POOL_SIZE: { parse: parsers.positiveInteger, default: 8, description: 'PostgreSQL connections' } satisfies EnvVarSpec<number>,
  HTTP_PORT: { parse: parsers.integer, default: 3004, description: 'port of the review queue API, /docs, /health, /metrics (0 = any free port)' } satisfies EnvVarSpec<number>,
  JWT_SECRET: { parse: parseHs256Secret, secret: true, description: 'HS256 key of the bearer tokens of review-queue actions (role finance_reviewer; at least 16 characters)' } satisfies EnvVarSpec<string>,
  MIGRATE_ON_START: { parse: parsers.boolean, default: true, description: 'apply pending migrations at start (else run src/migrate.ts)' } satisfies EnvVarSpec<boolean>,
  MAX_TIME_GAP_MS: { parse: parsers.nonNegativeInteger, default: 500, description: "largest accepted gap between the bank's time and the order's paid_at (precision policy: only a certain gap counts)" } satisfies EnvVarSpec<number>,
  SETTLEMENT_WINDOW_MS: { parse: parsers.nonNegativeInteger, default: 86_400_000, description: 'how long a payment or refund may wait for its bank line before MISSING_BANK_LINE' } satisfies EnvVarSpec<number>,
  MATCHING_DEBOUNCE_MS: { parse: parsers.positiveInteger, default: 1_000, description: 'matching runs this long after the first batch of new inputs (batches arriving meanwhile join the run)' } satisfies EnvVarSpec<number>,
  MATCHING_POLL_MS: { parse: parsers.positiveInteger, default: 5_000, description: 'how often to look for inputs stored another way (the import command) and for ended settlement windows' } satisfies EnvVarSpec<number>,
  REPORT_DIR: { parse: parsers.string, default: 'var/reports/reconciliation', description: 'directory of the daily CSV and HTML reports (created when missing)' } satisfies EnvVarSpec<string>,
  REPORT_SCHEDULE_ENABLED: { parse: parsers.boolean, default: true, description: 'write the report of the previous business date every day at 09:00 Asia/Shanghai' } satisfies EnvVarSpec<boolean>,
  REPORT_CATCH_UP_DAYS: { parse: parsers.nonNegativeInteger, default: 7, description: 'after downtime, write at most this many missed daily reports at start, oldest first (older dates: the report command)' } satisfies EnvVarSpec<number>,
  KAFKA_GROUP_ID: { parse: parsers.string, default: 'reconciliation-service', description: 'consumer group of the four input topics' } satisfies EnvVarSpec<string>,
  KAFKA_TOPIC_PREFIX: { parse: parsers.string, default: '', description: 'prefix of every topic name (isolated test runs); the public names when empty' } satisfies EnvVarSpec<string>,
  KAFKA_PARTITIONS_CONCURRENTLY: { parse: parsers.positiveInteger, default: 4, description: 'input partitions processed at the same time, each in its own transaction' } satisfies EnvVarSpec<number>,
  KAFKA_SESSION_TIMEOUT_MS: { parse: parsers.positiveInteger, default: 30_000, description: 'a consumer silent this long loses its partitions' } satisfies EnvVarSpec<number>,
  KAFKA_TOPIC_PARTITIONS: { parse: parsers.positiveInteger, default: 4, description: 'partitions of topics the service creates when missing' } satisfies EnvVarSpec<number>,
};

/** The validated configuration. */
export type ReconciliationServiceConfig = ConfigOf<typeof reconciliationServiceEnv>;

/** Reads and validates the configuration; throws `ConfigError` naming every bad variable. */
export function loadReconciliationServiceConfig(env: NodeJS.ProcessEnv = process.env): ReconciliationServiceConfig {
  return loadConfig(reconciliationServiceEnv, env);
}
