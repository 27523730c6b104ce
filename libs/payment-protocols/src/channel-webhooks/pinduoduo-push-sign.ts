import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../crypto/constant-time-equal';

/**
 * Signature of a Pinduoduo order push relayed to the gateway (header `x-pdd-sign`): base64
 * HMAC-SHA256 of the raw body keyed with the app's client secret. Pinduoduo itself delivers
 * order messages over its own message service; the relay that forwards them signs this way.
 */
export function pinduoduoPushSign(rawBody: Buffer | string, clientSecret: string): string {
  return createHmac('sha256', clientSecret).update(rawBody).digest('base64');
}

/** Verifies `x-pdd-sign` in constant time. */
export function verifyPinduoduoPushSign(rawBody: Buffer | string, headerValue: string | undefined, clientSecret: string): boolean {
  return headerValue !== undefined && constantTimeEqual(headerValue, pinduoduoPushSign(rawBody, clientSecret));
}
