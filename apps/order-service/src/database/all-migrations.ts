import { eventStoreMigrations } from '@oms/event-store';
import { messagingMigrations } from '@oms/messaging';
import { runMigrations, type Migration } from '@oms/postgres';
import type { Pool } from 'pg';
import { dispatchMigrations } from '../dispatch/dispatch.migrations';
import { enrichmentMigrations } from '../enrichment/enrichment.migrations';
import { orderServiceMigrations } from './order-service.migrations';

/** Everything the service's schema holds: the event store, the inbox, and the service's tables. */
export const ALL_MIGRATIONS: Migration[] = [...eventStoreMigrations, ...messagingMigrations, ...orderServiceMigrations, ...dispatchMigrations, ...enrichmentMigrations];

/** Applies the migrations not yet applied to `schema`; returns their ids. */
export function migrateOrderService(pool: Pool, schema: string): Promise<string[]> {
  return runMigrations(pool, schema, ALL_MIGRATIONS);
}
