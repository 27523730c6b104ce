import { loadGatewayConfig, type GatewayConfig } from '../config/gateway-config';
import { testMerchant } from './test-merchant';
import type { TestProviderKeys } from './test-provider-keys';

/** Where the test gateway's dependencies are. */
export interface TestGatewaySetup {
  databaseUrl: string;
  schema: string;
  /** Broker list, or `inprocess`. */
  kafkaBrokers: string;
  wechatpayApiBaseUrl?: string;
  alipayGatewayUrl?: string;
  confirmationEnabled?: boolean;
  /** Default false: only tests of refunds read the order log (with a topic prefix of their own). */
  refundsEnabled?: boolean;
  /** KAFKA_TOPIC_PREFIX; default none (the public topic names). */
  topicPrefix?: string;
}

/** The environment a test gateway starts with (also what a child-process gateway gets). */
export function testGatewayEnv(keys: TestProviderKeys, setup: TestGatewaySetup): Record<string, string> {
  return {
    DATABASE_URL: setup.databaseUrl,
    GATEWAY_DB_SCHEMA: setup.schema,
    KAFKA_BROKERS: setup.kafkaBrokers,
    PORT: '0',
    KAFKA_TOPIC_PREFIX: setup.topicPrefix ?? '',
    KAFKA_GROUP_ID: `${setup.schema}-gateway`,
    REFUNDS_ENABLED: String(setup.refundsEnabled ?? false),
    MERCHANT_CALLBACK_SECRET: testMerchant.callbackSecret,
    PAYMENT_CONFIRMATION_ENABLED: String(setup.confirmationEnabled ?? false),
    WECHATPAY_MCHID: testMerchant.wechatpayMchid,
    WECHATPAY_APPID: testMerchant.wechatpayAppid,
    WECHATPAY_API_V3_KEY: testMerchant.apiV3Key,
    WECHATPAY_PLATFORM_PUBLIC_KEYS: JSON.stringify({ [keys.platform.serial]: keys.platform.publicKeyPem }),
    WECHATPAY_MERCHANT_SERIAL: keys.merchant.serial,
    WECHATPAY_MERCHANT_PRIVATE_KEY: keys.merchant.privateKeyPem,
    WECHATPAY_API_BASE_URL: setup.wechatpayApiBaseUrl ?? 'http://127.0.0.1:9/unreachable',
    ALIPAY_APP_ID: testMerchant.alipayAppId,
    ALIPAY_SELLER_ID: testMerchant.alipaySellerId,
    ALIPAY_PUBLIC_KEY: keys.alipay.publicKeyPem,
    ALIPAY_APP_PRIVATE_KEY: keys.alipayApp.privateKeyPem,
    ALIPAY_GATEWAY_URL: setup.alipayGatewayUrl ?? 'http://127.0.0.1:9/unreachable',
    SHOPIFY_WEBHOOK_SECRET: testMerchant.shopifySecret,
    DOUYIN_APP_KEY: testMerchant.douyinAppKey,
    DOUYIN_APP_SECRET: testMerchant.douyinAppSecret,
    PINDUODUO_CLIENT_SECRET: testMerchant.pinduoduoClientSecret,
    MINIPROGRAM_WEBHOOK_SECRET: testMerchant.miniprogramSecret,
    ORDER_DETAIL_BASE_URL: 'https://oms.example.com/orders',
    ORDER_DETAIL_UTM_CAMPAIGN: 'test_campaign',
  };
}

/** A validated configuration, read through the same `loadConfig` path as production. */
export function testGatewayConfig(keys: TestProviderKeys, setup: TestGatewaySetup): GatewayConfig {
  return loadGatewayConfig(testGatewayEnv(keys, setup));
}
