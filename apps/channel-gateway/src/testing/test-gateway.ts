import type { MessageBus } from '@oms/messaging';
import { createLogger } from '@oms/nest-kit';
import type { AddressInfo } from 'node:net';
import type { GatewayConfig } from '../config/gateway-config';
import { createGatewayApp } from '../gateway-app.factory';
import type { Clock } from '../infrastructure/clock';

/** A gateway running in this process on a free port. */
export interface TestGateway {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the real gateway application (the same module tree as production) on 127.0.0.1:0.
 * Logs are silent unless `LOG_LEVEL` is set.
 */
export async function startTestGateway(options: { config: GatewayConfig; bus?: MessageBus<unknown>; clock?: Clock }): Promise<TestGateway> {
  const logger = createLogger('channel-gateway-test', process.env['LOG_LEVEL'] ?? 'silent');
  const app = await createGatewayApp({ ...options, logger });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
