import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../crypto/constant-time-equal';

/** Response headers channel-gateway adds to a 200 answer of a payment notification. */
export const CallbackHeaders = {
  /** Hex HMAC-SHA256 (see {@link callbackVerifiedSignature}). */
  verified: 'x-callback-verified',
  /** The timestamp the HMAC covers: epoch milliseconds as a decimal string (13 digits). */
  timestamp: 'x-callback-timestamp',
} as const;

/**
 * `X-Callback-Verified` (DESIGN.md: "the response carries X-Callback-Verified = HMAC-SHA256 over
 * order id + timestamp with the merchant secret"):
 *
 *     hex( HMAC-SHA256( key = merchant secret (UTF-8),
 *                       message = outTradeNo + timestampMs ) )
 *
 * - `outTradeNo`: the merchant order number (`out_trade_no`) the notification is about — the
 *   order id the provider knows;
 * - `timestampMs`: the `X-Callback-Timestamp` header, epoch milliseconds in decimal, no
 *   separator. Milliseconds keep 13 digits until the year 2286, so the concatenation is
 *   unambiguous.
 *
 * @example
 * callbackVerifiedSignature('20240618103000017001', '1718677865127', secret); // 64 hex digits
 */
export function callbackVerifiedSignature(outTradeNo: string, timestampMs: string, merchantSecret: string): string {
  return createHmac('sha256', Buffer.from(merchantSecret, 'utf8')).update(`${outTradeNo}${timestampMs}`, 'utf8').digest('hex');
}

/** Checks a received `X-Callback-Verified` in constant time. */
export function isCallbackVerified(outTradeNo: string, timestampMs: string, received: string, merchantSecret: string): boolean {
  return constantTimeEqual(received.toLowerCase(), callbackVerifiedSignature(outTradeNo, timestampMs, merchantSecret));
}
