// The Rabin fingerprint of the Avro specification ("Schema Fingerprints"): the empty value and
// polynomial below are the spec's EMPTY constant. BigInt keeps the 64-bit arithmetic exact; speed
// is irrelevant because each schema is fingerprinted once, when the registry loads.
const EMPTY = 0xc15d213aa4d7a795n;

const TABLE: readonly bigint[] = Array.from({ length: 256 }, (_, index) => {
  let fp = BigInt(index);
  for (let bit = 0; bit < 8; bit++) fp = (fp >> 1n) ^ (EMPTY & -(fp & 1n));
  return fp;
});

/**
 * CRC-64-AVRO (Rabin) fingerprint of `input`, as an unsigned 64-bit value. Strings are hashed as
 * UTF-8. For a schema fingerprint pass its Parsing Canonical Form (see `parsingCanonicalForm`).
 *
 * @example
 * crc64Avro('"null"') === 0x63dd24e7cc258f8an // the spec's published fingerprint of "null"
 */
export function crc64Avro(input: string | Uint8Array): bigint {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let fp = EMPTY;
  for (const byte of bytes) fp = (fp >> 8n) ^ TABLE[Number((fp ^ BigInt(byte)) & 0xffn)];
  return fp;
}
