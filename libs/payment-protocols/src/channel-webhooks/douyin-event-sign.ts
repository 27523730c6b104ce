import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../crypto/constant-time-equal';

/**
 * Douyin shop (抖店) message push signature, header `event-sign` with `sign-method: hmac-sha256`:
 * hex HMAC-SHA256 keyed with the app secret over `app_key + body + app_secret`.
 */
export function douyinEventSign(rawBody: Buffer | string, appKey: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(appKey).update(rawBody).update(appSecret).digest('hex');
}

/** Verifies `event-sign` in constant time. */
export function verifyDouyinEventSign(rawBody: Buffer | string, headerValue: string | undefined, appKey: string, appSecret: string): boolean {
  return headerValue !== undefined && constantTimeEqual(headerValue.toLowerCase(), douyinEventSign(rawBody, appKey, appSecret));
}
