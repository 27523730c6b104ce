import { SINGLE_OBJECT_HEADER_LENGTH, SINGLE_OBJECT_MAGIC } from '@oms/contracts';
import { InvalidAppendError } from '../errors/event-store.errors';

/**
 * The 8 fingerprint bytes of an Avro single-object header (`C3 01` + CRC-64-AVRO, little-endian),
 * as they stand in the payload. The store keeps them in their own column so an auditor can find
 * the writer schema without decoding; the payload itself stays opaque to the store.
 */
export function schemaFingerprintOf(payload: Buffer, eventId: string): Buffer {
  const magic = SINGLE_OBJECT_MAGIC.length;
  if (payload.length < SINGLE_OBJECT_HEADER_LENGTH || payload[0] !== SINGLE_OBJECT_MAGIC[0] || payload[1] !== SINGLE_OBJECT_MAGIC[1]) {
    throw new InvalidAppendError(`Event ${eventId}: payload is not Avro single-object encoded (no C3 01 header)`);
  }
  return payload.subarray(magic, SINGLE_OBJECT_HEADER_LENGTH);
}
