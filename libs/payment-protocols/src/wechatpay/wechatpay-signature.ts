import { signRsaSha256, verifyRsaSha256, type KeyInput } from '../crypto/rsa-sha256';

/**
 * The string WeChat Pay API v3 signs for a notification or a response: the timestamp, the nonce
 * and the body, each followed by a line feed (`timestamp\nnonce\nbody\n`). The body is the raw
 * request text; re-serialising parsed JSON breaks the signature.
 */
export function wechatpaySignatureMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/** Signs a notification or response as the WeChat Pay platform does (base64 SHA256withRSA). */
export function signWechatpayMessage(timestamp: string, nonce: string, body: string, platformPrivateKey: KeyInput): string {
  return signRsaSha256(wechatpaySignatureMessage(timestamp, nonce, body), platformPrivateKey);
}

/** True when `signature` is the platform key's signature of `timestamp\nnonce\nbody\n`. */
export function verifyWechatpaySignature(timestamp: string, nonce: string, body: string, signature: string, platformPublicKey: KeyInput): boolean {
  return verifyRsaSha256(wechatpaySignatureMessage(timestamp, nonce, body), signature, platformPublicKey);
}
