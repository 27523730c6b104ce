import type { KeyObject } from 'node:crypto';
import { loadConfig } from '@oms/config';
import { gatewayEnv } from './gateway-env';

/** The value of `KAFKA_BROKERS` that selects the in-process bus (no broker; tests and the demo). */
export const IN_PROCESS_BROKERS = 'inprocess';

/** WeChat Pay merchant settings. */
export interface WechatpayMerchantConfig {
  mchid: string;
  appid: string;
  apiV3Key: string;
  /** Platform public keys by `Wechatpay-Serial`. */
  platformKeys: ReadonlyMap<string, KeyObject>;
  merchantSerial: string;
  merchantPrivateKey: KeyObject;
  apiBaseUrl: string;
}

/** Alipay merchant settings. */
export interface AlipayMerchantConfig {
  appId: string;
  sellerId: string;
  alipayPublicKey: KeyObject;
  appPrivateKey: KeyObject;
  gatewayUrl: string;
}

/** Secrets of the channel webhooks. */
export interface ChannelSecretsConfig {
  shopifySecret: string;
  douyinAppKey: string;
  douyinAppSecret: string;
  pinduoduoClientSecret: string;
  miniprogramSecret: string;
}

/** channel-gateway's configuration, validated and typed. Never log it whole: it holds secrets. */
export interface GatewayConfig {
  port: number;
  databaseUrl: string;
  databaseSchema: string;
  /** Bootstrap servers, or `inprocess` for the in-process bus. */
  kafkaBrokers: readonly string[] | typeof IN_PROCESS_BROKERS;
  /** Prefix of every topic name on the broker ('' = the public names); tests isolate themselves with it. */
  kafkaTopicPrefix: string;
  kafkaGroupId: string;
  refundsEnabled: boolean;
  merchantCallbackSecret: string;
  currency: string;
  confirmationEnabled: boolean;
  wechatpay: WechatpayMerchantConfig;
  alipay: AlipayMerchantConfig;
  channels: ChannelSecretsConfig;
  orderDetail: { baseUrl: string; utmCampaign: string };
}

/** Reads and validates the environment (throws `ConfigError` naming every bad variable). */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const raw = loadConfig(gatewayEnv, env);
  const brokers = raw.KAFKA_BROKERS;
  return {
    port: raw.PORT,
    databaseUrl: raw.DATABASE_URL,
    databaseSchema: raw.GATEWAY_DB_SCHEMA,
    kafkaBrokers: brokers.length === 1 && brokers[0] === IN_PROCESS_BROKERS ? IN_PROCESS_BROKERS : brokers,
    kafkaTopicPrefix: raw.KAFKA_TOPIC_PREFIX,
    kafkaGroupId: raw.KAFKA_GROUP_ID,
    refundsEnabled: raw.REFUNDS_ENABLED,
    merchantCallbackSecret: raw.MERCHANT_CALLBACK_SECRET,
    currency: raw.PAYMENT_CURRENCY,
    confirmationEnabled: raw.PAYMENT_CONFIRMATION_ENABLED,
    wechatpay: {
      mchid: raw.WECHATPAY_MCHID,
      appid: raw.WECHATPAY_APPID,
      apiV3Key: raw.WECHATPAY_API_V3_KEY,
      platformKeys: raw.WECHATPAY_PLATFORM_PUBLIC_KEYS,
      merchantSerial: raw.WECHATPAY_MERCHANT_SERIAL,
      merchantPrivateKey: raw.WECHATPAY_MERCHANT_PRIVATE_KEY,
      apiBaseUrl: raw.WECHATPAY_API_BASE_URL.replace(/\/$/, ''),
    },
    alipay: {
      appId: raw.ALIPAY_APP_ID,
      sellerId: raw.ALIPAY_SELLER_ID,
      alipayPublicKey: raw.ALIPAY_PUBLIC_KEY,
      appPrivateKey: raw.ALIPAY_APP_PRIVATE_KEY,
      gatewayUrl: raw.ALIPAY_GATEWAY_URL,
    },
    channels: {
      shopifySecret: raw.SHOPIFY_WEBHOOK_SECRET,
      douyinAppKey: raw.DOUYIN_APP_KEY,
      douyinAppSecret: raw.DOUYIN_APP_SECRET,
      pinduoduoClientSecret: raw.PINDUODUO_CLIENT_SECRET,
      miniprogramSecret: raw.MINIPROGRAM_WEBHOOK_SECRET,
    },
    orderDetail: { baseUrl: raw.ORDER_DETAIL_BASE_URL.replace(/\/$/, ''), utmCampaign: raw.ORDER_DETAIL_UTM_CAMPAIGN },
  };
}

/** What may be logged about the configuration at start: no secret, no key material. */
export function describeGatewayConfig(config: GatewayConfig): Record<string, unknown> {
  return {
    port: config.port,
    databaseSchema: config.databaseSchema,
    kafka: config.kafkaBrokers,
    kafkaTopicPrefix: config.kafkaTopicPrefix,
    kafkaGroupId: config.kafkaGroupId,
    refundsEnabled: config.refundsEnabled,
    wechatpay: { mchid: config.wechatpay.mchid, appid: config.wechatpay.appid, platformSerials: [...config.wechatpay.platformKeys.keys()], apiBaseUrl: config.wechatpay.apiBaseUrl },
    alipay: { appId: config.alipay.appId, sellerId: config.alipay.sellerId, gatewayUrl: config.alipay.gatewayUrl },
    confirmationEnabled: config.confirmationEnabled,
  };
}
