// order-service: `node -r ./telemetry main.js` (or `node -r @swc-node/register apps/order-service/src/main.ts`).
import 'reflect-metadata';
import { createLogger } from '@oms/nest-kit';
import { startOrderService } from './app/order-service.app';
import { loadOrderServiceConfig } from './config/order-service.config';

async function main(): Promise<void> {
  const logger = createLogger('order-service');
  const config = loadOrderServiceConfig();
  const { url } = await startOrderService(config, logger);
  logger.info({ url, docs: `${url}/docs` }, 'order-service started');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
