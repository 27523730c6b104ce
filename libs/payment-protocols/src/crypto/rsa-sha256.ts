import { createSign, createVerify, type KeyObject } from 'node:crypto';

/** A PEM text or a parsed key, as node:crypto accepts them. */
export type KeyInput = string | KeyObject;

/**
 * SHA256withRSA (PKCS#1 v1.5) signature of a UTF-8 message, base64-encoded: the scheme of
 * WeChat Pay API v3 (`WECHATPAY2-SHA256-RSA2048`) and Alipay `RSA2`.
 */
export function signRsaSha256(message: string, privateKey: KeyInput): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

/**
 * Verifies a base64 SHA256withRSA signature. Never throws: a malformed signature, a wrong key
 * type or a garbled base64 string is simply "not verified".
 */
export function verifyRsaSha256(message: string, signatureBase64: string, publicKey: KeyInput): boolean {
  // Canonical base64 only. Node's decoder forgives missing padding and ignores the unused low bits
  // of the last character, so "…A==" and "…D==" (or "…=" and "…==") decode to the same signature:
  // a signature text that was altered must not verify.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return false;
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.toString('base64') !== signatureBase64) return false;
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signature);
  } catch {
    return false;
  }
}
