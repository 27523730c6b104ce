/**
 * A CRC-64-AVRO schema fingerprint as 16 lowercase hex digits, most significant first
 * (`63dd24e7cc258f8a` for the schema `"null"`). A string rather than a bigint so it logs, compares
 * and serialises to JSON as is. The single-object header stores the same 64 bits little-endian,
 * so the header bytes read in reverse order of this text.
 */
export type Fingerprint = string;

/** Formats an unsigned 64-bit fingerprint as a {@link Fingerprint}. */
export function formatFingerprint(value: bigint): Fingerprint {
  return BigInt.asUintN(64, value).toString(16).padStart(16, '0');
}

/** The 64-bit value of a {@link Fingerprint}, e.g. to store it in a signed `bigint` column with `BigInt.asIntN(64, …)`. */
export function fingerprintValue(fingerprint: Fingerprint): bigint {
  if (!/^[0-9a-f]{16}$/.test(fingerprint)) throw new RangeError(`Not a fingerprint: "${fingerprint}"`);
  return BigInt(`0x${fingerprint}`);
}
