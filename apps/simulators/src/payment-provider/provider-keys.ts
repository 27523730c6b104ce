import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

/** The simulated providers' own keys: generated at start unless given. */
export interface ProviderKeys {
  /** WeChat Pay platform certificate serial (40 hex digits, as WeChat Pay's). */
  wechatpaySerial: string;
  wechatpayPrivateKey: KeyObject;
  wechatpayPublicKeyPem: string;
  alipayPrivateKey: KeyObject;
  alipayPublicKeyPem: string;
}

function rsaPair(): { privateKey: KeyObject; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Generates a fresh RSA-2048 platform key (with a serial) and a fresh Alipay key. */
export function generateProviderKeys(): ProviderKeys {
  const wechatpay = rsaPair();
  const alipay = rsaPair();
  return {
    wechatpaySerial: randomBytes(20).toString('hex').toUpperCase(),
    wechatpayPrivateKey: wechatpay.privateKey,
    wechatpayPublicKeyPem: wechatpay.publicKeyPem,
    alipayPrivateKey: alipay.privateKey,
    alipayPublicKeyPem: alipay.publicKeyPem,
  };
}
