import type { Pool } from 'pg';
import { assertIdentifier } from './create-pool';
import type { Migration } from './migration';
import { withTransaction } from './with-transaction';

// One lock for every migration run on the database: concurrent starts wait instead of racing.
const MIGRATION_LOCK_KEY = 7_340_115;

/**
 * Applies the migrations not yet recorded in `<schema>.schema_migrations`, in the order given,
 * in one transaction: all of them or none. Safe to run from several processes at once and to
 * re-run.
 * Returns the ids it applied.
 */
export async function runMigrations(pool: Pool, schema: string, migrations: Migration[]): Promise<string[]> {
  assertIdentifier(schema);
  const applied: string[] = [];
  await withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      component text NOT NULL,
      id text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (component, id))`);
    const done = await client.query<{ component: string; id: string }>('SELECT component, id FROM schema_migrations');
    const seen = new Set(done.rows.map((row) => `${row.component}/${row.id}`));
    for (const migration of migrations) {
      if (seen.has(`${migration.component}/${migration.id}`)) continue;
      try {
        await client.query(migration.sql);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new Error(`Migration ${migration.component}/${migration.id} failed in schema ${schema}: ${why}`);
      }
      await client.query('INSERT INTO schema_migrations (component, id) VALUES ($1, $2)', [migration.component, migration.id]);
      applied.push(`${migration.component}/${migration.id}`);
    }
  });
  return applied;
}
