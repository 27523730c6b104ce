// fulfillment-service: `node -r ./telemetry main.js` (or `node -r @swc-node/register apps/fulfillment-service/src/main.ts`).
import 'reflect-metadata';
import { createLogger } from '@oms/nest-kit';
import { startFulfillmentService } from './app/fulfillment-service.app';
import { loadFulfillmentServiceConfig } from './config/fulfillment-service.config';

async function main(): Promise<void> {
  const logger = createLogger('fulfillment-service');
  const config = loadFulfillmentServiceConfig();
  const { url } = await startFulfillmentService(config, logger);
  logger.info({ url, docs: `${url}/docs` }, 'fulfillment-service started');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
