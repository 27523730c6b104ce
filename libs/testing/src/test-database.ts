import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DEFAULT_DATABASE_URL } from '@oms/config';

/** The PostgreSQL URL integration tests use: `DATABASE_URL` or the local server. */
export function testDatabaseUrl(): string {
  return process.env['DATABASE_URL'] || DEFAULT_DATABASE_URL;
}

/**
 * A schema of its own for one test suite, so suites run in any order, in parallel and again.
 * `pool` sets `search_path` to the schema on every connection; `drop()` removes it.
 *
 * @example
 * const db = await createTestSchema('event_store');
 * afterAll(() => db.drop());
 */
export interface TestSchema {
  schema: string;
  pool: Pool;
  /** A URL that selects this schema through `options=-c search_path=...`, for child processes. */
  url: string;
  drop(): Promise<void>;
}

export async function createTestSchema(prefix: string, poolSize = 10): Promise<TestSchema> {
  const schema = `t_${prefix}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = withSearchPath(testDatabaseUrl(), schema);
  const pool = new Pool({ connectionString: url, max: poolSize });
  return {
    schema,
    pool,
    url,
    async drop() {
      await pool.end();
      const cleanup = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
      await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}
