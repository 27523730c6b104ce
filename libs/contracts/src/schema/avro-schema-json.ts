/** A schema as JSON: a type name or reference, a union (array), or a complex type object. */
export type AvroSchemaJson = string | AvroSchemaJson[] | AvroTypeJson;

/** A complex type (record, enum, array…) or a primitive with attributes such as `logicalType`. */
export interface AvroTypeJson {
  type: string;
  name?: string;
  namespace?: string;
  doc?: string;
  fields?: AvroFieldJson[];
  symbols?: string[];
  items?: AvroSchemaJson;
  logicalType?: string;
  [attribute: string]: unknown;
}

/** A record field. */
export interface AvroFieldJson {
  name: string;
  type: AvroSchemaJson;
  doc?: string;
  default?: unknown;
  [attribute: string]: unknown;
}

/** A record, enum or fixed: a type with a name. */
export type AvroNamedTypeJson = AvroTypeJson & { name: string };

/** The primitive type names of the Avro specification. */
export const AVRO_PRIMITIVES: ReadonlySet<string> = new Set([
  'null',
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
]);

/** Whether `schema` defines a named type (record, enum or fixed). */
export function isNamedType(schema: AvroSchemaJson): schema is AvroNamedTypeJson {
  return typeof schema === 'object' && !Array.isArray(schema) && typeof schema.name === 'string';
}

/** Full name of `name` as written inside `namespace` (Avro name resolution: dotted names are already full). */
export function qualifyName(name: string, namespace: string | undefined): string {
  return name.includes('.') || !namespace ? name : `${namespace}.${name}`;
}

/** Full name of a named type defined inside `enclosingNamespace`. */
export function fullNameOf(schema: AvroNamedTypeJson, enclosingNamespace?: string): string {
  return qualifyName(schema.name, schema.namespace ?? enclosingNamespace);
}

/** The namespace part of a full name (`oms.v1` of `oms.v1.Address`), undefined when there is none. */
export function namespaceOf(fullName: string): string | undefined {
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? undefined : fullName.slice(0, dot);
}

/** The last part of a full name (`Address` of `oms.v1.Address`). */
export function shortNameOf(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}
