import { messagingMigrations } from '@oms/messaging';
import { runMigrations, type Migration } from '@oms/postgres';
import type { Pool } from 'pg';
import { reconciliationMigrations } from './reconciliation.migrations';

/** Everything the service's schema holds: the inbox and the service's tables. */
export const ALL_MIGRATIONS: Migration[] = [...messagingMigrations, ...reconciliationMigrations];

/** Applies the migrations not yet applied to `schema`; returns their ids. */
export function migrateReconciliationService(pool: Pool, schema: string): Promise<string[]> {
  return runMigrations(pool, schema, ALL_MIGRATIONS);
}
