/**
 * Bytes shaped like an Avro single-object record (`C3 01` + 8-byte fingerprint + body) for tests
 * of the store, which keeps payloads opaque.
 */
export function fakeAvroPayload(body: string, fingerprint = Buffer.from('0102030405060708', 'hex')): Buffer {
  return Buffer.concat([Buffer.from([0xc3, 0x01]), fingerprint, Buffer.from(body, 'utf8')]);
}
