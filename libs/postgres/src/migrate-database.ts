import type { Migration } from './migration';
import { createPool } from './create-pool';
import { runMigrations } from './run-migrations';

/**
 * Applies a service's pending migrations to `schema` on a connection of its own (a service's
 * pool may bound lock waits; migrations wait for each other), then closes it. Returns the ids
 * applied — what a service's start-up and its `migrate.ts` command both do.
 *
 * @example
 * const applied = await migrateDatabase({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, migrations: ALL_MIGRATIONS, applicationName: 'fulfillment-service-migrate' });
 */
export async function migrateDatabase(options: { url: string; schema: string; migrations: Migration[]; applicationName?: string }): Promise<string[]> {
  const pool = createPool({ url: options.url, max: 1, applicationName: options.applicationName });
  try {
    return await runMigrations(pool, options.schema, options.migrations);
  } finally {
    await pool.end();
  }
}
