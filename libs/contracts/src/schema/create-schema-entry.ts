import { SchemaDefinitionError } from '../errors/contract-errors';
import { fullNameOf, shortNameOf, type AvroNamedTypeJson, type AvroSchemaJson } from './avro-schema-json';
import type { SchemaEntry } from './schema-entry';
import { schemaFingerprint } from './schema-fingerprint';
import { findSchemaRuleViolations } from './schema-rules';
import { toAvroType } from './to-avro-type';
import type { Type } from 'avsc';

/** Where a schema comes from and what it is, besides its JSON. */
export interface SchemaEntryOrigin {
  source: string;
  version: number | undefined;
  isCurrent: boolean;
  /** When set, the record's short name must equal it (the file or history folder name). */
  expectedRecordName?: string;
}

/**
 * Validates a self-contained record schema against the contract rules, builds its avsc type and
 * fingerprint. Throws {@link SchemaDefinitionError} naming the file and every problem.
 */
export function createSchemaEntry(json: AvroSchemaJson, origin: SchemaEntryOrigin): SchemaEntry {
  const problems = findSchemaRuleViolations(json);
  const schema = json as AvroNamedTypeJson;
  const fullName = problems.length === 0 ? fullNameOf(schema) : '';
  const recordName = shortNameOf(fullName);
  if (problems.length === 0 && origin.expectedRecordName && recordName !== origin.expectedRecordName) {
    problems.push(`record ${fullName} must live in a file or folder named ${recordName}`);
  }
  if (problems.length > 0) throw new SchemaDefinitionError(origin.source, problems);
  const type = buildType(schema, origin.source);
  const { source, version, isCurrent } = origin;
  return { recordName, fullName, version, isCurrent, fingerprint: schemaFingerprint(type), schema, type, source };
}

function buildType(schema: AvroNamedTypeJson, source: string): Type {
  try {
    return toAvroType(schema);
  } catch (error) {
    // avsc names the problem (undefined type name, bad default…) but not the file.
    throw new SchemaDefinitionError(source, [error instanceof Error ? error.message : String(error)]);
  }
}
