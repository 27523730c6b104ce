import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets-derived values (signatures, HMACs) in constant time.
 *
 * `crypto.timingSafeEqual` throws on inputs of different lengths, and an early length check
 * would leak the expected length. Both sides are therefore hashed to 32 bytes first, then
 * compared with `timingSafeEqual`: the time taken depends on neither content nor length.
 *
 * @example
 * constantTimeEqual(receivedHex, expectedHex); // true only when identical
 */
export function constantTimeEqual(received: string | Buffer, expected: string | Buffer): boolean {
  const left = createHash('sha256').update(received).digest();
  const right = createHash('sha256').update(expected).digest();
  // Hash equality is only a proxy; the final plain comparison of equal-length digests cannot
  // differ unless the inputs differ (SHA-256 collisions aside).
  return timingSafeEqual(left, right);
}
