import { InvalidAppendError } from '../errors/event-store.errors';

/**
 * The CRC-64-AVRO fingerprint from an Avro single-object header (`C3 01` + 8 bytes). The store
 * keeps it in its own column so an auditor can find the writer schema without decoding.
 */
export function schemaFingerprintOf(payload: Buffer, eventId: string): Buffer {
  if (payload.length < 10 || payload[0] !== 0xc3 || payload[1] !== 0x01) {
    throw new InvalidAppendError(`Event ${eventId}: payload is not Avro single-object encoded (no C3 01 header)`);
  }
  return payload.subarray(2, 10);
}
