import type { AddressInfo } from 'node:net';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the composition root starts the gateway in this process
import { loadGatewayConfig } from '../../../channel-gateway/src/config/gateway-config';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { createGatewayApp } from '../../../channel-gateway/src/gateway-app.factory';
import { kafkaEnvOf } from '../infrastructure/backbone-bus';
import { metricTally, scrapeMetrics } from '../summary/prometheus-text';
import type { SummarySection } from '../summary/summary-section';
import type { PartStartContext, ServicePart, SummaryContext } from './service-part';

/** The schema the gateway owns (its default). */
const GATEWAY_SCHEMA = 'channel_gateway';

/** The gateway's environment for this run, read through its own validation (`loadGatewayConfig`). */
function gatewayEnv(context: PartStartContext): NodeJS.ProcessEnv {
  const { merchant, simulators } = context;
  if (!simulators) throw new Error('channel-gateway needs the simulators started first (their keys)');
  return {
    DATABASE_URL: context.databaseUrl,
    GATEWAY_DB_SCHEMA: GATEWAY_SCHEMA,
    ...kafkaEnvOf(context.bus),
    // The gateway reads `inprocess` as "no broker"; the bus it gets is the shared one anyway.
    ...(context.bus.kind === 'in-process' ? { KAFKA_BROKERS: 'inprocess' } : {}),
    PORT: '0',
    MERCHANT_CALLBACK_SECRET: merchant.callbackSecret,
    PAYMENT_CONFIRMATION_ENABLED: 'true',
    WECHATPAY_MCHID: merchant.wechatpayMchid,
    WECHATPAY_APPID: merchant.wechatpayAppid,
    WECHATPAY_API_V3_KEY: merchant.apiV3Key,
    WECHATPAY_PLATFORM_PUBLIC_KEYS: JSON.stringify({ [simulators.wechatpaySerial]: simulators.wechatpayPublicKeyPem }),
    WECHATPAY_MERCHANT_SERIAL: merchant.wechatpayMerchantKey.serial,
    WECHATPAY_MERCHANT_PRIVATE_KEY: merchant.wechatpayMerchantKey.privateKeyPem,
    WECHATPAY_API_BASE_URL: simulators.url,
    ALIPAY_APP_ID: merchant.alipayAppId,
    ALIPAY_SELLER_ID: merchant.alipaySellerId,
    ALIPAY_PUBLIC_KEY: simulators.alipayPublicKeyPem,
    ALIPAY_APP_PRIVATE_KEY: merchant.alipayAppKey.privateKeyPem,
    ALIPAY_GATEWAY_URL: `${simulators.url}/gateway.do`,
    SHOPIFY_WEBHOOK_SECRET: merchant.channels.shopifySecret,
    DOUYIN_APP_KEY: merchant.channels.douyinAppKey,
    DOUYIN_APP_SECRET: merchant.channels.douyinAppSecret,
    PINDUODUO_CLIENT_SECRET: merchant.channels.pinduoduoClientSecret,
    MINIPROGRAM_WEBHOOK_SECRET: merchant.channels.miniprogramSecret,
  };
}

/** channel-gateway: channel webhooks and verified payment notifications → ingress topics. */
export const channelGatewayPart: ServicePart = {
  name: 'channel-gateway',
  available: true,
  async start(context) {
    const config = loadGatewayConfig(gatewayEnv(context));
    // The gateway consumes too (RefundRequested): its handlers need connections in its own schema.
    const shared = context.bus.kind === 'in-process' ? context.bus.forSchema(context.databaseUrl, GATEWAY_SCHEMA, 'channel-gateway-bus') : undefined;
    const app = await createGatewayApp({ config, logger: context.logger.child({ service: 'channel-gateway' }), bus: shared?.bus });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      stop: async () => {
        await app.close();
        await shared?.close();
      },
    };
  },
  async summarize(context: SummaryContext): Promise<SummarySection> {
    const metrics = await scrapeMetrics(`${context.endpoints['channel-gateway']}/metrics`);
    return {
      part: 'channel-gateway',
      tallies: {
        'payment notifications by outcome': metricTally(metrics, 'gateway_payment_notifications_total', 'outcome'),
        'channel orders accepted by channel': metricTally(metrics, 'gateway_channel_orders_total', 'channel', { outcome: 'accepted' }),
      },
      figures: {},
      files: [],
    };
  },
};
