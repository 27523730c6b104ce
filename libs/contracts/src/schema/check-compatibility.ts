import { Type } from 'avsc';
import type { AvroSchemaJson } from './avro-schema-json';
import type { SchemaRegistry } from './schema-registry';
import { toAvroType } from './to-avro-type';

/**
 * Why data written with `writer` cannot be read with `reader` (Avro schema resolution, as avsc
 * implements it: a reader field missing from the writer needs a default, types must promote,
 * enum symbols must exist or the reader enum must have a default, names must match or be aliased).
 * Empty when it can.
 *
 * @example
 * compatibilityProblems(v1Schema, v2Schema) // [] — v2 only added an optional field
 */
export function compatibilityProblems(writer: Type | AvroSchemaJson, reader: Type | AvroSchemaJson): string[] {
  try {
    asType(reader).createResolver(asType(writer));
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/**
 * The evolution guard: every published version of every record must stay readable by the record's
 * current schema (backward compatibility, transitively), because the event log keeps old bytes
 * for ever and replays them. Returns one line per broken pair; empty when the history is sound.
 */
export function findEvolutionProblems(registry: SchemaRegistry): string[] {
  const problems: string[] = [];
  for (const recordName of registry.recordNames) {
    const current = registry.current(recordName);
    for (const old of registry.versions(recordName)) {
      if (old === current) continue;
      for (const problem of compatibilityProblems(old.type, current.type)) {
        problems.push(`${recordName} v${old.version} cannot be read by the current schema: ${problem}`);
      }
    }
  }
  return problems;
}

function asType(schema: Type | AvroSchemaJson): Type {
  return Type.isType(schema) ? (schema as Type) : toAvroType(schema as AvroSchemaJson);
}
