import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupHttpApp } from '@oms/nest-kit';
import { GatewayModule } from './gateway.module';
import { rawBodyMiddleware } from './http/raw-body.middleware';
import type { GatewayModuleOptions } from './infrastructure/gateway-module.options';

/** Largest body accepted; notifications and order webhooks are a few KB. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the gateway application (not listening yet). Every body is kept raw: each protocol's
 * signature covers the exact bytes, so parsing happens only after verification, in the adapters.
 */
export async function createGatewayApp(options: GatewayModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(options), { bodyParser: false, bufferLogs: true });
  app.use(rawBodyMiddleware(BODY_LIMIT_BYTES));
  app.disable('x-powered-by');
  setupHttpApp(app, {
    title: 'channel-gateway',
    description: 'Channel order webhooks and verified payment notifications (WeChat Pay v3, Alipay) → Kafka ingress topics',
  });
  return app;
}
