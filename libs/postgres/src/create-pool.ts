import { Pool, type PoolConfig } from 'pg';

/** Options for {@link createPool}. */
export interface CreatePoolOptions {
  /** PostgreSQL URL, e.g. `postgres://postgres@127.0.0.1:5432/test`. */
  url: string;
  /** The schema this service owns; every connection's `search_path` is set to it. */
  schema?: string;
  max?: number;
  applicationName?: string;
  /**
   * A transaction left open kills its session after this long (default 60 s). An open writing
   * transaction anywhere on the server holds back every xmin-safe log reader (the outbox relay,
   * projections) until it ends, so a leaked one must not live for ever.
   */
  idleInTransactionTimeoutMs?: number;
}

/**
 * A connection pool whose connections all work inside one schema: each service owns its schema
 * and never reads another's tables (DESIGN.md, "Services").
 */
export function createPool({ url, schema, max = 10, applicationName, idleInTransactionTimeoutMs = 60_000 }: CreatePoolOptions): Pool {
  const options = [`-c idle_in_transaction_session_timeout=${idleInTransactionTimeoutMs}`];
  if (schema) options.push(`-c search_path=${assertIdentifier(schema)}`);
  const config: PoolConfig = { connectionString: url, max, application_name: applicationName, options: options.join(' ') };
  const pool = new Pool(config);
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, it would
  // crash the process. The next query simply gets a fresh connection.
  pool.on('error', () => undefined);
  return pool;
}

/** Schema and table names are interpolated into SQL, so only plain identifiers are accepted. */
export function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`"${name}" is not a valid SQL identifier (lower-case letters, digits, underscores)`);
  }
  return name;
}
