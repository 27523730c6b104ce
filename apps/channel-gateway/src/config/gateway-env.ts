import { infrastructureEnv, parsers, type EnvVarSpec } from '@oms/config';
import type { KeyObject } from 'node:crypto';
import { parsePlatformKeys, parsePrivateKey, parsePublicKey } from './pem-key.parser';

const secret = (description: string, parse: (raw: string) => string = parsers.string): EnvVarSpec<string> => ({ parse, description, secret: true });

function atLeast32Bytes(raw: string): string {
  if (Buffer.byteLength(raw, 'utf8') < 32) throw new Error('must be at least 32 bytes');
  return raw;
}

function exactly32Bytes(raw: string): string {
  if (Buffer.byteLength(raw, 'utf8') !== 32) throw new Error('must be exactly 32 bytes (the API v3 key set in the merchant platform)');
  return raw;
}

function topicPrefix(raw: string): string {
  // Kafka topic names allow letters, digits, '.', '_' and '-' only.
  if (!/^[A-Za-z0-9._-]*$/.test(raw)) throw new Error("expected letters, digits, '.', '_' or '-' (a Kafka topic name prefix)");
  return raw;
}

/**
 * Every environment variable channel-gateway reads, validated at start by `loadConfig` (one error
 * names every missing or malformed variable; secret values are never echoed).
 */
export const gatewayEnv = {
  ...infrastructureEnv,
  PORT: { parse: parsers.integer, default: 3000, description: 'HTTP port' } satisfies EnvVarSpec<number>,
  GATEWAY_DB_SCHEMA: { parse: parsers.sqlIdentifier, default: 'channel_gateway', description: "PostgreSQL schema the gateway owns (nonces, notification dedupe, expected payments)" } satisfies EnvVarSpec<string>,
  MERCHANT_CALLBACK_SECRET: secret('merchant secret of the X-Callback-Verified HMAC (at least 32 bytes)', atLeast32Bytes),
  KAFKA_TOPIC_PREFIX: { parse: topicPrefix, default: '', description: 'prefix of every topic name the gateway produces to or consumes (isolated test runs); the public names when empty' } satisfies EnvVarSpec<string>,
  KAFKA_GROUP_ID: { parse: parsers.string, default: 'channel-gateway', description: 'consumer group reading RefundRequested from oms.order.events.v1' } satisfies EnvVarSpec<string>,
  REFUNDS_ENABLED: { parse: parsers.boolean, default: true, description: 'carry out RefundRequested events through the providers\' refund APIs and publish RefundResult' } satisfies EnvVarSpec<boolean>,
  PAYMENT_CURRENCY: { parse: parsers.string, default: 'CNY', description: 'ISO 4217 currency every notification must be in' } satisfies EnvVarSpec<string>,
  PAYMENT_CONFIRMATION_ENABLED: { parse: parsers.boolean, default: true, description: 'query the provider after each paid notification and publish PaymentConfirmation' } satisfies EnvVarSpec<boolean>,
  WECHATPAY_MCHID: { parse: parsers.string, description: 'WeChat Pay merchant id (mchid)' } satisfies EnvVarSpec<string>,
  WECHATPAY_APPID: { parse: parsers.string, description: 'WeChat app id the payments are made in (appid)' } satisfies EnvVarSpec<string>,
  WECHATPAY_API_V3_KEY: secret('WeChat Pay API v3 key (32 bytes), decrypts notification resources', exactly32Bytes),
  WECHATPAY_PLATFORM_PUBLIC_KEYS: {
    parse: parsePlatformKeys,
    description: 'JSON object {"<Wechatpay-Serial>": "<PEM public key>"} of the platform keys that sign notifications',
  } satisfies EnvVarSpec<ReadonlyMap<string, KeyObject>>,
  WECHATPAY_MERCHANT_SERIAL: { parse: parsers.string, description: 'serial of the merchant API certificate (Authorization serial_no)' } satisfies EnvVarSpec<string>,
  WECHATPAY_MERCHANT_PRIVATE_KEY: { parse: parsePrivateKey, description: 'merchant API private key (PEM) signing transaction queries and refunds', secret: true } satisfies EnvVarSpec<KeyObject>,
  WECHATPAY_API_BASE_URL: { parse: parsers.url, default: 'https://api.mch.weixin.qq.com', description: 'WeChat Pay API v3 base URL (the simulator in tests)' } satisfies EnvVarSpec<string>,
  ALIPAY_APP_ID: { parse: parsers.string, description: 'Alipay application id (app_id) notifications must carry' } satisfies EnvVarSpec<string>,
  ALIPAY_SELLER_ID: { parse: parsers.string, description: 'Alipay seller id (2088…) notifications must carry' } satisfies EnvVarSpec<string>,
  ALIPAY_PUBLIC_KEY: { parse: parsePublicKey, description: 'Alipay public key (PEM) verifying RSA2 notifications and answers' } satisfies EnvVarSpec<KeyObject>,
  ALIPAY_APP_PRIVATE_KEY: { parse: parsePrivateKey, description: 'application private key (PEM) signing alipay.trade.query and alipay.trade.refund', secret: true } satisfies EnvVarSpec<KeyObject>,
  ALIPAY_GATEWAY_URL: { parse: parsers.url, default: 'https://openapi.alipay.com/gateway.do', description: 'Alipay open API gateway (the simulator in tests)' } satisfies EnvVarSpec<string>,
  SHOPIFY_WEBHOOK_SECRET: secret('Shopify app client secret (X-Shopify-Hmac-Sha256)'),
  DOUYIN_APP_KEY: { parse: parsers.string, description: 'Douyin shop app key (part of the event-sign input)' } satisfies EnvVarSpec<string>,
  DOUYIN_APP_SECRET: secret('Douyin shop app secret (event-sign key)'),
  PINDUODUO_CLIENT_SECRET: secret('Pinduoduo client secret (x-pdd-sign key)'),
  MINIPROGRAM_WEBHOOK_SECRET: secret('shared secret of the mini-program order webhook (x-oms-signature)', atLeast32Bytes),
  ORDER_DETAIL_BASE_URL: { parse: parsers.url, default: 'https://oms.example.com/orders', description: 'base of the order detail URL returned to channels' } satisfies EnvVarSpec<string>,
  ORDER_DETAIL_UTM_CAMPAIGN: { parse: parsers.string, default: 'order_created', description: 'utm_campaign of the order detail URL' } satisfies EnvVarSpec<string>,
};
