// Test support for other libraries: import from here in tests only (it is not part of the
// public face in src/index.ts, so production bundles do not carry sample data).
export * from './fixture-values';
export * from './record-fixtures';
export * from './avro-spec-vectors';
