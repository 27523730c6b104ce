import { createHash } from 'node:crypto';
import { canonicalMetadata } from './canonical-metadata';
import type { EventMetadata } from '../model/stored-event';

/** The fields of one event that its hash covers. */
export interface HashedFields {
  previousHash: Buffer | null;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaFingerprint: Buffer;
  payload: Buffer;
  /** The metadata, or its {@link canonicalMetadata} text when the caller already has it. */
  metadata: EventMetadata | string;
  occurredAt: number;
}

/**
 * SHA-256 over the previous event's hash and this event's own bytes, each field length-prefixed
 * so no two different events can produce the same input. Chained per stream, so changing or
 * removing any stored event breaks every later link (an auditor re-derives it with
 * {@link verifyHashChain}).
 */
export function eventHash(fields: HashedFields): Buffer {
  const hash = createHash('sha256');
  const part = (bytes: Buffer) => {
    const length = Buffer.allocUnsafe(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  };
  part(fields.previousHash ?? Buffer.alloc(0));
  part(Buffer.from(fields.streamId, 'utf8'));
  part(Buffer.from(String(fields.streamVersion), 'utf8'));
  part(Buffer.from(fields.eventId.toLowerCase(), 'utf8'));
  part(Buffer.from(fields.type, 'utf8'));
  part(fields.schemaFingerprint);
  part(fields.payload);
  const metadata = typeof fields.metadata === 'string' ? fields.metadata : canonicalMetadata(fields.metadata);
  part(Buffer.from(metadata, 'utf8'));
  part(Buffer.from(String(fields.occurredAt), 'utf8'));
  return hash.digest();
}
