import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../crypto/constant-time-equal';

/**
 * Shopify webhook signature (`X-Shopify-Hmac-Sha256`): base64 HMAC-SHA256 of the raw request body
 * with the app's client secret (shopify.dev, "Verify webhooks").
 */
export function shopifyWebhookHmac(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** Verifies `X-Shopify-Hmac-Sha256` in constant time over the raw body (never a re-serialisation). */
export function verifyShopifyWebhook(rawBody: Buffer | string, headerValue: string | undefined, secret: string): boolean {
  return headerValue !== undefined && constantTimeEqual(headerValue, shopifyWebhookHmac(rawBody, secret));
}
