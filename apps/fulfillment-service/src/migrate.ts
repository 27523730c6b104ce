// Applies the schema's pending migrations (messaging inbox, fulfillment-service tables):
//   node -r @swc-node/register apps/fulfillment-service/src/migrate.ts
// Reads DATABASE_URL and DATABASE_SCHEMA like the service.
import { loadConfig } from '@oms/config';
import { fulfillmentServiceEnv } from './config/fulfillment-service.config';
import { migrateFulfillmentService } from './database/all-migrations';

const { DATABASE_URL, DATABASE_SCHEMA } = loadConfig({ DATABASE_URL: fulfillmentServiceEnv.DATABASE_URL, DATABASE_SCHEMA: fulfillmentServiceEnv.DATABASE_SCHEMA });
migrateFulfillmentService(DATABASE_URL, DATABASE_SCHEMA)
  .then((applied) => console.log(applied.length > 0 ? `applied to ${DATABASE_SCHEMA}: ${applied.join(', ')}` : `${DATABASE_SCHEMA} is up to date`))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
