import { createHash } from 'node:crypto';

/** SHA-256 of a file's bytes, hex: identifies the exact file an import came from. */
export function fileFingerprint(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
