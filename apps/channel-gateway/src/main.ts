import { createLogger } from '@oms/nest-kit';
import { describeGatewayConfig, loadGatewayConfig } from './config/gateway-config';
import { createGatewayApp } from './gateway-app.factory';

// Bootstrap only: configuration is validated before anything starts (a bad variable stops the
// process with every problem named, secrets hidden).
async function bootstrap(): Promise<void> {
  const logger = createLogger('channel-gateway');
  const config = loadGatewayConfig();
  const app = await createGatewayApp({ config, logger });
  await app.listen(config.port);
  logger.info({ config: describeGatewayConfig(config) }, `channel-gateway listening on ${config.port}`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
