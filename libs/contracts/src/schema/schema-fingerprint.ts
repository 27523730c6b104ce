import type { Type } from 'avsc';
import { crc64Avro } from '../fingerprint/crc64-avro';
import { formatFingerprint, type Fingerprint } from '../fingerprint/fingerprint';

/**
 * The Parsing Canonical Form of a type (Avro specification): full names, no doc/aliases/defaults/
 * logical types, fixed key order, no whitespace. avsc 5.7.9's `schema()` with no options produces
 * exactly that JSON; the unit tests hold it to the specification's published canonical forms.
 */
export function parsingCanonicalForm(type: Type): string {
  return JSON.stringify(type.schema());
}

/** CRC-64-AVRO fingerprint of a type's Parsing Canonical Form: the 8 bytes a single-object header carries. */
export function schemaFingerprint(type: Type): Fingerprint {
  return formatFingerprint(crc64Avro(parsingCanonicalForm(type)));
}
