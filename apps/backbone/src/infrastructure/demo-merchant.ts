import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** An RSA key pair as PEM text. */
export interface PemKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * The merchant the demo runs as: ids in the providers' formats (sample values from their docs)
 * and secrets and keys generated afresh for each run, shared by the gateway and the simulators.
 */
export interface DemoMerchant {
  wechatpayMchid: string;
  wechatpayAppid: string;
  /** 32 bytes, as WeChat Pay's API v3 key. */
  apiV3Key: string;
  alipayAppId: string;
  alipaySellerId: string;
  /** Key of the X-Callback-Verified HMAC. */
  callbackSecret: string;
  /** HS256 key of the services' bearer tokens. */
  jwtSecret: string;
  channels: { shopifySecret: string; douyinAppKey: string; douyinAppSecret: string; pinduoduoClientSecret: string; miniprogramSecret: string };
  /** The merchant API key signing WeChat Pay queries, with its certificate serial. */
  wechatpayMerchantKey: PemKeyPair & { serial: string };
  /** The application key signing alipay.trade.query. */
  alipayAppKey: PemKeyPair;
}

const secret = (bytes: number): string => randomBytes(bytes).toString('hex');

function rsaPair(): PemKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** A merchant with fresh secrets and RSA-2048 keys (about a second on two cores). */
export function createDemoMerchant(): DemoMerchant {
  return {
    wechatpayMchid: '1230000109',
    wechatpayAppid: 'wxd678efh567hg6999',
    apiV3Key: secret(16),
    alipayAppId: '2021004100000001',
    alipaySellerId: '2088101000000001',
    callbackSecret: secret(24),
    jwtSecret: secret(24),
    channels: { shopifySecret: `shpss_${secret(8)}`, douyinAppKey: '7000000000000000001', douyinAppSecret: secret(16), pinduoduoClientSecret: secret(16), miniprogramSecret: secret(24) },
    wechatpayMerchantKey: { ...rsaPair(), serial: randomBytes(20).toString('hex').toUpperCase() },
    alipayAppKey: rsaPair(),
  };
}
