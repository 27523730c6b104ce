import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** The benchmark's merchant and provider identities, with freshly generated RSA-2048 keys. */
export interface BenchMerchant {
  mchid: string;
  appid: string;
  apiV3Key: string;
  alipayAppId: string;
  alipaySellerId: string;
  callbackSecret: string;
  platformSerial: string;
  platformPrivateKeyPem: string;
  platformPublicKeyPem: string;
  alipayPrivateKeyPem: string;
  alipayPublicKeyPem: string;
  merchantPrivateKeyPem: string;
  appPrivateKeyPem: string;
}

function pair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Generates the keys the load generator signs with, playing the payment provider. */
export function createBenchMerchant(): BenchMerchant {
  const platform = pair();
  const alipay = pair();
  return {
    mchid: '1900000109',
    appid: 'wxd678efh567hg6787',
    apiV3Key: randomBytes(16).toString('hex'),
    alipayAppId: '2021004112345678',
    alipaySellerId: '2088102146225135',
    callbackSecret: randomBytes(24).toString('hex'),
    platformSerial: randomBytes(20).toString('hex').toUpperCase(),
    platformPrivateKeyPem: platform.privateKeyPem,
    platformPublicKeyPem: platform.publicKeyPem,
    alipayPrivateKeyPem: alipay.privateKeyPem,
    alipayPublicKeyPem: alipay.publicKeyPem,
    merchantPrivateKeyPem: pair().privateKeyPem,
    appPrivateKeyPem: pair().privateKeyPem,
  };
}

/** The environment channel-gateway runs with in the benchmark. */
export function gatewayEnv(merchant: BenchMerchant, setup: { port: number; databaseUrl: string; schema: string; brokers: string }): Record<string, string> {
  const secret = randomBytes(24).toString('hex');
  return {
    PORT: String(setup.port),
    DATABASE_URL: setup.databaseUrl,
    GATEWAY_DB_SCHEMA: setup.schema,
    KAFKA_BROKERS: setup.brokers,
    LOG_LEVEL: 'warn',
    OTEL_SDK_DISABLED: 'true',
    // The balance confirmation would add one signed provider query per notification; it runs
    // after the answer and is measured by the e2e tests, not here.
    PAYMENT_CONFIRMATION_ENABLED: 'false',
    // The bench measures notification intake; refunds would read the public order log.
    REFUNDS_ENABLED: 'false',
    MERCHANT_CALLBACK_SECRET: merchant.callbackSecret,
    WECHATPAY_MCHID: merchant.mchid,
    WECHATPAY_APPID: merchant.appid,
    WECHATPAY_API_V3_KEY: merchant.apiV3Key,
    WECHATPAY_PLATFORM_PUBLIC_KEYS: JSON.stringify({ [merchant.platformSerial]: merchant.platformPublicKeyPem }),
    WECHATPAY_MERCHANT_SERIAL: 'BENCHMERCHANTSERIAL',
    WECHATPAY_MERCHANT_PRIVATE_KEY: merchant.merchantPrivateKeyPem,
    ALIPAY_APP_ID: merchant.alipayAppId,
    ALIPAY_SELLER_ID: merchant.alipaySellerId,
    ALIPAY_PUBLIC_KEY: merchant.alipayPublicKeyPem,
    ALIPAY_APP_PRIVATE_KEY: merchant.appPrivateKeyPem,
    SHOPIFY_WEBHOOK_SECRET: secret,
    DOUYIN_APP_KEY: 'bench',
    DOUYIN_APP_SECRET: secret,
    PINDUODUO_CLIENT_SECRET: secret,
    MINIPROGRAM_WEBHOOK_SECRET: secret,
  };
}
