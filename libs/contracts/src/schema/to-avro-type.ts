import { Type } from 'avsc';
import type { AvroSchemaJson } from './avro-schema-json';
import { BoundedArrayType } from './bounded-array-type';

/**
 * Builds the avsc type of a self-contained schema the way the whole library needs it:
 * - no logical types registered, so `timestamp-millis` stays a plain `number` of epoch
 *   milliseconds on both encode and decode (never a `Date`), and `long` is a `number` that avsc
 *   refuses beyond ±(2^53 − 1) instead of rounding;
 * - unions never wrapped: `["null", T]` is `null` or the bare value;
 * - records as plain data (no avsc helper methods on decoded values);
 * - arrays guarded against lying block counts ({@link BoundedArrayType}).
 */
export function toAvroType(schema: AvroSchemaJson): Type {
  return Type.forSchema(schema as Parameters<typeof Type.forSchema>[0], {
    wrapUnions: 'never',
    omitRecordMethods: true,
    typeHook: (definition, options) => {
      const isArray = typeof definition === 'object' && !Array.isArray(definition) && (definition as { type?: unknown }).type === 'array';
      return isArray ? new BoundedArrayType(definition, options) : undefined;
    },
  });
}
