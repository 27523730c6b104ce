import { CorruptMessageError } from '../errors/contract-errors';
import { fingerprintValue, formatFingerprint, type Fingerprint } from '../fingerprint/fingerprint';

/** The two marker bytes that open every Avro single-object message (`C3 01`). */
export const SINGLE_OBJECT_MAGIC: Readonly<Uint8Array> = Uint8Array.of(0xc3, 0x01);

/** Marker (2 bytes) + CRC-64-AVRO fingerprint (8 bytes, little-endian). */
export const SINGLE_OBJECT_HEADER_LENGTH = 10;

/** The 10-byte header for a body written with the schema of `fingerprint`. */
export function singleObjectHeader(fingerprint: Fingerprint): Buffer {
  const header = Buffer.alloc(SINGLE_OBJECT_HEADER_LENGTH);
  header.set(SINGLE_OBJECT_MAGIC, 0);
  // The specification stores the fingerprint little-endian.
  header.writeBigUInt64LE(fingerprintValue(fingerprint), SINGLE_OBJECT_MAGIC.length);
  return header;
}

/**
 * The writer-schema fingerprint of a single-object message, read from its header without decoding
 * the body — enough to route, store or dead-letter a record. Throws {@link CorruptMessageError}
 * (`too-short`, `bad-magic`) when the bytes are not single-object encoded.
 *
 * @example
 * fingerprintOf(message.value) // '9bd2ddfb2e9bea69'
 */
export function fingerprintOf(message: Uint8Array): Fingerprint {
  const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  if (bytes.length < SINGLE_OBJECT_HEADER_LENGTH) {
    throw new CorruptMessageError('too-short', `${bytes.length} bytes, a single-object header alone is ${SINGLE_OBJECT_HEADER_LENGTH}`);
  }
  if (bytes[0] !== SINGLE_OBJECT_MAGIC[0] || bytes[1] !== SINGLE_OBJECT_MAGIC[1]) {
    throw new CorruptMessageError('bad-magic', `starts with ${bytes.subarray(0, 2).toString('hex')}, expected c301`);
  }
  return formatFingerprint(bytes.readBigUInt64LE(SINGLE_OBJECT_MAGIC.length));
}
