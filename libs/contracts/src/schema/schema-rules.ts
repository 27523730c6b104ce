import { isNamedType, type AvroFieldJson, type AvroSchemaJson, type AvroTypeJson } from './avro-schema-json';

// The subset of Avro the backbone's contracts use. Keeping it small is what lets the type
// generator cover every construct (so TypeScript cannot drift from the schemas) and what makes
// the house rules checkable: money never in floats, every timestamp with its original text,
// optional means ["null", T] defaulting to null, everything documented.
const ALLOWED_PRIMITIVES = new Set(['boolean', 'int', 'long', 'string', 'bytes']);

/**
 * Lists every way a resolved (self-contained) record schema breaks the contract rules:
 * undocumented fields or types; types outside the supported subset (maps, fixed, float, double,
 * unions other than `["null", T]`); optional fields without `"default": null`; a
 * `timestamp-millis` field without its sibling `<field>Text` string. An empty list means the
 * schema is acceptable.
 */
export function findSchemaRuleViolations(schema: AvroSchemaJson): string[] {
  const problems: string[] = [];
  if (!isNamedType(schema) || schema.type !== 'record') return ['the top level must be a named record'];
  if (!schema.namespace) problems.push(`${schema.name}: the top-level record needs a namespace`);
  checkType(schema, schema.name, problems);
  return problems;
}

function checkType(schema: AvroSchemaJson, path: string, problems: string[]): void {
  if (typeof schema === 'string') {
    if (schema === 'null' || schema === 'float' || schema === 'double' || schema === 'fixed') {
      problems.push(`${path}: type "${schema}" is not allowed here (no floats; null only as ["null", T])`);
    }
    return; // primitives and references to named types defined earlier
  }
  if (Array.isArray(schema)) {
    problems.push(`${path}: unions are allowed only as a field type, as ["null", T]`);
    return;
  }
  if (isNamedType(schema) && !schema.doc) problems.push(`${path}: named type ${schema.name} needs a doc`);
  checkComplex(schema, path, problems);
}

function checkComplex(schema: AvroTypeJson, path: string, problems: string[]): void {
  switch (schema.type) {
    case 'record':
      // An empty record encodes to no bytes, which would defeat the array-length guard on decode.
      if (!schema.fields?.length) problems.push(`${path}: record ${schema.name} needs at least one field`);
      checkFields(schema.fields ?? [], path, problems);
      return;
    case 'enum':
      if (!schema.symbols?.length) problems.push(`${path}: enum ${schema.name} needs symbols`);
      return;
    case 'array':
      checkType(schema.items ?? 'null', `${path}[]`, problems);
      return;
    case 'long':
      if (schema.logicalType !== undefined && schema.logicalType !== 'timestamp-millis') {
        problems.push(`${path}: logical type ${schema.logicalType} is not supported`);
      }
      return;
    default:
      if (!ALLOWED_PRIMITIVES.has(schema.type)) problems.push(`${path}: type "${schema.type}" is not supported`);
  }
}

function checkFields(fields: AvroFieldJson[], path: string, problems: string[]): void {
  const byName = new Map(fields.map((field) => [field.name, field]));
  for (const field of fields) {
    const fieldPath = `${path}.${field.name}`;
    if (!field.doc) problems.push(`${fieldPath}: needs a doc`);
    const valueType = optionalBranch(field.type);
    if (valueType === undefined) {
      checkType(field.type, fieldPath, problems);
    } else {
      if (field.default !== null) problems.push(`${fieldPath}: an optional field needs "default": null`);
      checkType(valueType, fieldPath, problems);
    }
    if (isTimestamp(valueType ?? field.type)) checkTextSibling(field, byName.get(`${field.name}Text`), fieldPath, problems);
  }
}

function checkTextSibling(field: AvroFieldJson, sibling: AvroFieldJson | undefined, path: string, problems: string[]): void {
  const expected: AvroSchemaJson = optionalBranch(field.type) === undefined ? 'string' : ['null', 'string'];
  if (!sibling || JSON.stringify(sibling.type) !== JSON.stringify(expected)) {
    const wanted = JSON.stringify(expected);
    problems.push(`${path}: a timestamp needs a sibling ${field.name}Text field of type ${wanted} (the original ISO-8601 text)`);
  }
}

/** The `T` of a `["null", T]` union, undefined for any other schema. */
export function optionalBranch(schema: AvroSchemaJson): AvroSchemaJson | undefined {
  return Array.isArray(schema) && schema.length === 2 && schema[0] === 'null' ? schema[1] : undefined;
}

/** Whether `schema` is a `long` with logical type `timestamp-millis`. */
export function isTimestamp(schema: AvroSchemaJson): boolean {
  return typeof schema === 'object' && !Array.isArray(schema) && schema.type === 'long' && schema.logicalType === 'timestamp-millis';
}
