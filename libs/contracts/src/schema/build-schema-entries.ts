import { fullNameOf, isNamedType, type AvroSchemaJson } from './avro-schema-json';
import { createSchemaEntry } from './create-schema-entry';
import { inlineNamedTypes } from './inline-named-types';
import type { SchemaEntry } from './schema-entry';
import type { SchemaSources } from './schema-sources';

/** Shared named types by full name, for {@link inlineNamedTypes}. */
export function commonTypeLibrary(sources: SchemaSources): Map<string, AvroSchemaJson> {
  const library = new Map<string, AvroSchemaJson>();
  for (const { json } of sources.common) if (isNamedType(json)) library.set(fullNameOf(json), json);
  return library;
}

/**
 * Turns the avro folder's files into registry entries: current schemas with shared types inlined,
 * plus every published version as frozen. A current schema identical (same fingerprint) to a
 * published version becomes one entry carrying that version number.
 */
export function buildSchemaEntries(sources: SchemaSources): SchemaEntry[] {
  const library = commonTypeLibrary(sources);
  const published = sources.history.map((source) =>
    createSchemaEntry(source.json, {
      source: source.file,
      version: source.version,
      isCurrent: false,
      expectedRecordName: source.recordName,
    }),
  );
  const current = sources.current.map((source) =>
    createSchemaEntry(inlineNamedTypes(source.json, library), {
      source: source.file,
      version: undefined,
      isCurrent: true,
      expectedRecordName: source.recordName,
    }),
  );
  const entries = [...published];
  for (const entry of current) {
    const index = entries.findIndex((candidate) => candidate.fingerprint === entry.fingerprint);
    if (index < 0) entries.push(entry);
    else entries[index] = { ...entry, version: entries[index].version, source: `${entry.source} = ${entries[index].source}` };
  }
  return entries;
}
