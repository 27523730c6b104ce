import type { IncomingMessage } from 'node:http';

/** A request after the gateway's raw body parser: `body` is the bytes exactly as received. */
export type RawBodyRequest = IncomingMessage & { body?: unknown };

/**
 * The request body as received. Signatures cover the raw bytes (WeChat Pay, Alipay, Shopify all
 * say so), so the gateway never parses before verifying; an absent body is an empty buffer.
 */
export function rawBodyOf(request: RawBodyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}
