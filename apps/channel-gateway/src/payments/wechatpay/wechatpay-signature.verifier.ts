import type { KeyObject } from 'node:crypto';
import { verifyWechatpaySignature, WECHATPAY_SIGNATURE_TYPE } from '@oms/payment-protocols';
import { failed, passed, type Checked } from '../intake/notification-refusal';

/** The signed parts of a v3 notification request. */
export interface WechatpaySignedRequest {
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
  serial: string | undefined;
  signatureType: string | undefined;
  /** The body exactly as received. */
  body: string;
}

/** What a verified signature proves: which key signed, and the nonce to record against replays. */
export interface VerifiedSignature {
  serial: string;
  nonce: string;
  signedAtMs: number;
}

/** WeChat Pay's rule: refuse a notification whose timestamp is 5 minutes or more away from now. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
const NONCE = /^[A-Za-z0-9_-]{1,64}$/;
const TIMESTAMP = /^\d{1,12}$/;

/**
 * Checks the `Wechatpay-*` headers of a notification: the signature type, the timestamp window
 * (|now − timestamp| < 300 s), the platform key named by `Wechatpay-Serial`, and the
 * SHA256withRSA signature over `timestamp\nnonce\nbody\n`. Pure: the nonce's novelty is checked
 * later, in the durable step, so a replay is refused only if the first one was recorded.
 */
export function verifyWechatpaySignedRequest(request: WechatpaySignedRequest, platformKeys: ReadonlyMap<string, KeyObject>, nowMs: number): Checked<VerifiedSignature> {
  const { timestamp, nonce, signature, serial, signatureType } = request;
  if (!timestamp || !nonce || !signature || !serial) return failed('MALFORMED_HEADERS', 'a Wechatpay-Timestamp, -Nonce, -Signature or -Serial header is missing');
  if (signatureType !== undefined && signatureType !== WECHATPAY_SIGNATURE_TYPE) return failed('UNSUPPORTED_SIGNATURE_TYPE', `Wechatpay-Signature-Type ${signatureType.slice(0, 40)}`);
  if (!NONCE.test(nonce)) return failed('MALFORMED_HEADERS', 'Wechatpay-Nonce is not 1-64 letters, digits, _ or -');
  if (!TIMESTAMP.test(timestamp)) return failed('STALE_TIMESTAMP', 'Wechatpay-Timestamp is not Unix seconds');
  // Whole seconds on both sides, as the SDKs compare (`abs(time() - timestamp)`).
  const skewSeconds = Math.abs(Math.floor(nowMs / 1000) - Number(timestamp));
  if (skewSeconds >= MAX_CLOCK_SKEW_SECONDS) return failed('STALE_TIMESTAMP', `Wechatpay-Timestamp is ${skewSeconds} s away from now`);
  const key = platformKeys.get(serial);
  if (!key) return failed('UNKNOWN_SERIAL', `no platform key with serial ${serial.slice(0, 64)}`);
  if (!verifyWechatpaySignature(timestamp, nonce, request.body, signature, key)) return failed('BAD_SIGNATURE', 'Wechatpay-Signature does not verify over timestamp, nonce and body');
  return passed({ serial, nonce, signedAtMs: Number(timestamp) * 1000 });
}
