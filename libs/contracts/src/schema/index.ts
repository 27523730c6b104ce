export type { AvroFieldJson, AvroNamedTypeJson, AvroSchemaJson, AvroTypeJson } from './avro-schema-json';
export * from './avro-dir';
export * from './check-compatibility';
export * from './load-schema-registry';
export type { SchemaEntry } from './schema-entry';
export * from './schema-fingerprint';
export * from './schema-registry';
