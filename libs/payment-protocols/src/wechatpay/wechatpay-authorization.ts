import { randomBytes } from 'node:crypto';
import { signRsaSha256, verifyRsaSha256, type KeyInput } from '../crypto/rsa-sha256';
import { WECHATPAY_SIGNATURE_TYPE } from './wechatpay-headers';

/** The fields of a merchant's `Authorization` header for API v3 requests. */
export interface WechatpayAuthorization {
  mchid: string;
  /** Serial of the merchant API certificate whose private key signed. */
  serialNo: string;
  nonceStr: string;
  /** Unix seconds. */
  timestamp: string;
  signature: string;
}

/** What the merchant signs for an API v3 request: `METHOD\nURL\ntimestamp\nnonce\nbody\n` (URL = path with query). */
export function wechatpayRequestMessage(method: string, pathWithQuery: string, timestamp: string, nonce: string, body: string): string {
  return `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`;
}

/**
 * Builds the `Authorization` header a merchant sends with an API v3 request:
 * `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`.
 */
export function buildWechatpayAuthorization(
  request: { method: string; pathWithQuery: string; body: string },
  merchant: { mchid: string; serialNo: string; privateKey: KeyInput },
  now: { timestamp?: string; nonce?: string } = {},
): string {
  const timestamp = now.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = now.nonce ?? randomBytes(16).toString('hex').toUpperCase();
  const signature = signRsaSha256(wechatpayRequestMessage(request.method, request.pathWithQuery, timestamp, nonce, request.body), merchant.privateKey);
  const fields = `mchid="${merchant.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${merchant.serialNo}"`;
  return `${WECHATPAY_SIGNATURE_TYPE} ${fields}`;
}

/** Parses an `Authorization` header; null when it is not a well-formed API v3 authorization. */
export function parseWechatpayAuthorization(header: string | undefined): WechatpayAuthorization | null {
  if (!header?.startsWith(`${WECHATPAY_SIGNATURE_TYPE} `)) return null;
  const fields = new Map<string, string>();
  for (const match of header.slice(WECHATPAY_SIGNATURE_TYPE.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields.set(match[1], match[2]);
  const [mchid, serialNo, nonceStr, timestamp, signature] = ['mchid', 'serial_no', 'nonce_str', 'timestamp', 'signature'].map((name) => fields.get(name));
  if (!mchid || !serialNo || !nonceStr || !timestamp || !signature) return null;
  return { mchid, serialNo, nonceStr, timestamp, signature };
}

/** True when `authorization` is the merchant key's signature of this request. */
export function verifyWechatpayAuthorization(
  authorization: WechatpayAuthorization,
  request: { method: string; pathWithQuery: string; body: string },
  merchantPublicKey: KeyInput,
): boolean {
  const message = wechatpayRequestMessage(request.method, request.pathWithQuery, authorization.timestamp, authorization.nonceStr, request.body);
  return verifyRsaSha256(message, authorization.signature, merchantPublicKey);
}
