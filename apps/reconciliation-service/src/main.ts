// reconciliation-service: `node -r ./telemetry main.js` (or `node -r @swc-node/register apps/reconciliation-service/src/main.ts`).
import 'reflect-metadata';
import { createLogger } from '@oms/nest-kit';
import { startReconciliationService } from './app/reconciliation-service.app';
import { loadReconciliationServiceConfig } from './config/reconciliation-service.config';

async function main(): Promise<void> {
  const logger = createLogger('reconciliation-service');
  const config = loadReconciliationServiceConfig();
  const { url } = await startReconciliationService(config, logger);
  logger.info({ url, docs: `${url}/docs` }, 'reconciliation-service started');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
