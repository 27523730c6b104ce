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
  const metadata = typeof fields.metadata === 'string' ? fields.metadata : canonicalMetadata(fields.metadata);
  const texts = [fields.streamId, String(fields.streamVersion), fields.eventId.toLowerCase(), fields.type];
  const previous = fields.previousHash ?? EMPTY;
  const tail = [metadata, String(fields.occurredAt)];
  // One buffer and one update: appending is hot (every event of every batch), and many small
  // updates and Buffer.from calls cost more than the hashing itself.
  let length = 4 * 9 + previous.length + fields.schemaFingerprint.length + fields.payload.length;
  for (const text of [...texts, ...tail]) length += Buffer.byteLength(text, 'utf8');
  const bytes = Buffer.allocUnsafe(length);
  let at = 0;
  const putBytes = (part: Buffer) => {
    at = bytes.writeUInt32BE(part.length, at);
    at += part.copy(bytes, at);
  };
  const putText = (text: string) => {
    const size = bytes.write(text, at + 4, 'utf8');
    bytes.writeUInt32BE(size, at);
    at += 4 + size;
  };
  putBytes(previous);
  texts.forEach(putText);
  putBytes(fields.schemaFingerprint);
  putBytes(fields.payload);
  tail.forEach(putText);
  return createHash('sha256').update(bytes).digest();
}

const EMPTY = Buffer.alloc(0);
