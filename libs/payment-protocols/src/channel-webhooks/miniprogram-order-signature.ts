import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../crypto/constant-time-equal';

/**
 * Signature of our own mini-program back end's order webhook: header `x-oms-signature` = hex
 * HMAC-SHA256 with the shared secret over `timestamp + "." + body`, header `x-oms-timestamp` in
 * Unix seconds. Covering the timestamp lets the receiver refuse stale replays.
 */
export function miniprogramOrderSignature(timestamp: string, rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** Verifies `x-oms-signature` in constant time (the caller checks the timestamp's age). */
export function verifyMiniprogramOrderSignature(timestamp: string, rawBody: Buffer | string, headerValue: string | undefined, secret: string): boolean {
  return headerValue !== undefined && constantTimeEqual(headerValue.toLowerCase(), miniprogramOrderSignature(timestamp, rawBody, secret));
}
