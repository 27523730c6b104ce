// Applies the schema's pending migrations (event store, messaging inbox, order-service tables):
//   node -r @swc-node/register apps/order-service/src/migrate.ts
// Reads DATABASE_URL and DATABASE_SCHEMA like the service.
import { loadConfig } from '@oms/config';
import { migrateDatabase } from '@oms/postgres';
import { orderServiceEnv } from './config/order-service.config';
import { ALL_MIGRATIONS } from './database/all-migrations';

async function main(): Promise<void> {
  const { DATABASE_URL, DATABASE_SCHEMA } = loadConfig({ DATABASE_URL: orderServiceEnv.DATABASE_URL, DATABASE_SCHEMA: orderServiceEnv.DATABASE_SCHEMA });
  const applied = await migrateDatabase({ url: DATABASE_URL, schema: DATABASE_SCHEMA, migrations: ALL_MIGRATIONS, applicationName: 'order-service-migrate' });
  console.log(applied.length > 0 ? `applied to ${DATABASE_SCHEMA}: ${applied.join(', ')}` : `${DATABASE_SCHEMA} is up to date`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
