import { loadConfig, parsers, type EnvVarSpec } from '@oms/config';
import type { PaymentProviderSimulatorOptions } from './payment-provider/payment-provider.simulator';

const optional = (description: string): EnvVarSpec<string> => ({ parse: parsers.string, default: '', description });
const pem = (raw: string) => raw.replace(/\\n/g, '\n');

/** Environment of the standalone simulators (`node -r @swc-node/register apps/simulators/src/main.ts`). */
export const simulatorEnv = {
  SIMULATOR_PORT: { parse: parsers.integer, default: 4010, description: 'HTTP port (0 = any free port)' } satisfies EnvVarSpec<number>,
  SIMULATOR_HOST: { parse: parsers.string, default: '127.0.0.1', description: 'interface to listen on' } satisfies EnvVarSpec<string>,
  SIMULATOR_RETRY_TIME_SCALE: { parse: Number, default: 0.001, description: 'retry schedule scale (1 = the providers’ real 24 h schedules)' } satisfies EnvVarSpec<number>,
  SIMULATOR_KEYS_FILE: optional('file to write the URL, serial and public keys to'),
  WECHATPAY_MCHID: { parse: parsers.string, default: '1900000109', description: 'merchant id' } satisfies EnvVarSpec<string>,
  WECHATPAY_APPID: { parse: parsers.string, default: 'wxd678efh567hg6787', description: 'app id' } satisfies EnvVarSpec<string>,
  WECHATPAY_API_V3_KEY: { parse: parsers.string, description: 'the merchant API v3 key (32 bytes) resources are encrypted with', secret: true } satisfies EnvVarSpec<string>,
  WECHATPAY_NOTIFY_URL: optional('default notify_url of WeChat Pay payments'),
  WECHATPAY_MERCHANT_PUBLIC_KEY: optional('merchant API public key (PEM): when set, API requests must be signed'),
  WECHATPAY_MERCHANT_SERIAL: optional('merchant API certificate serial the Authorization must name'),
  ALIPAY_APP_ID: { parse: parsers.string, default: '2021004112345678', description: 'Alipay app id' } satisfies EnvVarSpec<string>,
  ALIPAY_SELLER_ID: { parse: parsers.string, default: '2088102146225135', description: 'Alipay seller id' } satisfies EnvVarSpec<string>,
  ALIPAY_NOTIFY_URL: optional('default notify_url of Alipay payments'),
  ALIPAY_APP_PUBLIC_KEY: optional('application public key (PEM): when set, open-API requests must be signed'),
  SHOPIFY_WEBHOOK_SECRET: optional('Shopify webhook secret (channel simulator)'),
  DOUYIN_APP_KEY: optional('Douyin app key (channel simulator)'),
  DOUYIN_APP_SECRET: optional('Douyin app secret (channel simulator)'),
  PINDUODUO_CLIENT_SECRET: optional('Pinduoduo client secret (channel simulator)'),
  MINIPROGRAM_WEBHOOK_SECRET: optional('mini-program webhook secret (channel simulator)'),
};

/** The simulator's options from the environment, plus where to write its keys. */
export function loadSimulatorConfig(env: NodeJS.ProcessEnv = process.env): PaymentProviderSimulatorOptions & { keysFile: string } {
  const raw = loadConfig(simulatorEnv, env);
  return {
    port: raw.SIMULATOR_PORT,
    host: raw.SIMULATOR_HOST,
    retryTimeScale: raw.SIMULATOR_RETRY_TIME_SCALE,
    keysFile: raw.SIMULATOR_KEYS_FILE,
    merchant: {
      wechatpay: { mchid: raw.WECHATPAY_MCHID, appid: raw.WECHATPAY_APPID, apiV3Key: raw.WECHATPAY_API_V3_KEY, notifyUrl: raw.WECHATPAY_NOTIFY_URL || undefined, merchantPublicKeyPem: pem(raw.WECHATPAY_MERCHANT_PUBLIC_KEY) || undefined, merchantSerial: raw.WECHATPAY_MERCHANT_SERIAL || undefined },
      alipay: { appId: raw.ALIPAY_APP_ID, sellerId: raw.ALIPAY_SELLER_ID, notifyUrl: raw.ALIPAY_NOTIFY_URL || undefined, appPublicKeyPem: pem(raw.ALIPAY_APP_PUBLIC_KEY) || undefined },
    },
    channels: {
      shopifySecret: raw.SHOPIFY_WEBHOOK_SECRET,
      douyinAppKey: raw.DOUYIN_APP_KEY,
      douyinAppSecret: raw.DOUYIN_APP_SECRET,
      pinduoduoClientSecret: raw.PINDUODUO_CLIENT_SECRET,
      miniprogramSecret: raw.MINIPROGRAM_WEBHOOK_SECRET,
    },
  };
}
