import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SchemaDefinitionError } from '../errors/contract-errors';
import type { AvroSchemaJson } from './avro-schema-json';

/** One `.avsc` file: its path relative to the avro folder and its JSON. */
export interface SchemaSource {
  file: string;
  json: AvroSchemaJson;
}

/** A current record schema: `<folder>/<RecordName>.avsc`. */
export interface CurrentSchemaSource extends SchemaSource {
  folder: string;
  recordName: string;
}

/** A published version: `history/<RecordName>/v<version>.avsc`, self-contained and frozen. */
export interface HistoricalSchemaSource extends SchemaSource {
  recordName: string;
  version: number;
}

/** Everything under the avro folder, sorted so every run sees the same order. */
export interface SchemaSources {
  /** Shared named types (`common/*.avsc`), referenced by name from record schemas. */
  common: SchemaSource[];
  current: CurrentSchemaSource[];
  history: HistoricalSchemaSource[];
}

/** Reads the avro folder layout described on {@link SchemaSources}. Throws {@link SchemaDefinitionError} on unparseable files. */
export function readSchemaSources(avroDir: string): SchemaSources {
  const sources: SchemaSources = { common: [], current: [], history: [] };
  for (const folder of subfolders(avroDir)) {
    if (folder === 'history') continue;
    for (const file of avscFiles(join(avroDir, folder))) {
      const source = readSource(avroDir, `${folder}/${file}`);
      if (folder === 'common') sources.common.push(source);
      else sources.current.push({ ...source, folder, recordName: basename(file, '.avsc') });
    }
  }
  for (const recordName of subfolders(join(avroDir, 'history'))) {
    for (const file of avscFiles(join(avroDir, 'history', recordName))) {
      const version = /^v([1-9]\d*)\.avsc$/.exec(file);
      if (!version) throw new SchemaDefinitionError(`history/${recordName}/${file}`, ['history files are named v<N>.avsc']);
      sources.history.push({ ...readSource(avroDir, `history/${recordName}/${file}`), recordName, version: Number(version[1]) });
    }
  }
  // Code-unit order, not locale order, so the result is the same on every machine.
  sources.history.sort((a, b) => (a.recordName < b.recordName ? -1 : a.recordName > b.recordName ? 1 : a.version - b.version));
  return sources;
}

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function avscFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.avsc'))
    .sort();
}

function readSource(avroDir: string, file: string): SchemaSource {
  try {
    return { file, json: JSON.parse(readFileSync(join(avroDir, file), 'utf8')) as AvroSchemaJson };
  } catch (error) {
    throw new SchemaDefinitionError(file, [error instanceof Error ? error.message : String(error)]);
  }
}
