import { eventStoreMigrations } from '@oms/event-store';
import { messagingMigrations } from '@oms/messaging';
import { migrateDatabase, type Migration } from '@oms/postgres';
import { fulfillmentServiceMigrations } from './fulfillment-service.migrations';

/** Everything the service's schema holds: the event store (its outbox of published records), the messaging inbox and the service's tables. */
export const ALL_MIGRATIONS: Migration[] = [...eventStoreMigrations, ...messagingMigrations, ...fulfillmentServiceMigrations];

/** Applies the migrations not yet applied to `schema` (a connection of its own); returns their ids. */
export function migrateFulfillmentService(url: string, schema: string, applicationName = 'fulfillment-service-migrate'): Promise<string[]> {
  return migrateDatabase({ url, schema, migrations: ALL_MIGRATIONS, applicationName });
}
