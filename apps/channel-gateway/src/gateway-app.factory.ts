import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupHttpApp } from '@oms/nest-kit';
import { GatewayModule } from './gateway.module';
import { installNotificationFastPath } from './http/notification-fast-path';
import { rawBodyMiddleware } from './http/raw-body.middleware';
import type { GatewayModuleOptions } from './infrastructure/gateway-module.options';
import { AlipayNotificationController } from './payments/alipay/alipay-notification.controller';
import { WechatpayNotificationController } from './payments/wechatpay/wechatpay-notification.controller';

/** Largest body accepted; notifications and order webhooks are a few KB. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the gateway application (not listening yet). Every body is kept raw: each protocol's
 * signature covers the exact bytes, so parsing happens only after verification, in the adapters.
 * The two payment callbacks take the fast path in front of express (`installNotificationFastPath`).
 */
export async function createGatewayApp(options: GatewayModuleOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(options), { bodyParser: false, bufferLogs: true });
  app.use(rawBodyMiddleware(BODY_LIMIT_BYTES));
  app.disable('x-powered-by');
  const wechatpay = app.get(WechatpayNotificationController);
  const alipay = app.get(AlipayNotificationController);
  installNotificationFastPath(
    app.getHttpServer(),
    new Map([
      ['/payments/wechatpay/notify', (request, response) => wechatpay.notify(request, response)],
      ['/payments/alipay/notify', (request, response) => alipay.notify(request, response)],
    ]),
    BODY_LIMIT_BYTES,
  );
  setupHttpApp(app, {
    title: 'channel-gateway',
    description: 'Channel order webhooks and verified payment notifications (WeChat Pay v3, Alipay) → Kafka ingress topics',
  });
  return app;
}
