import { isNamedType, type AvroFieldJson, type AvroNamedTypeJson, type AvroSchemaJson } from '../schema/avro-schema-json';
import { isTimestamp, optionalBranch } from '../schema/schema-rules';

/** Collects TypeScript declarations for named Avro types, and the external names they use. */
export interface DeclarationSink {
  /** Declarations of named types defined inline, in order of appearance. */
  declarations: string[];
  /** Short names of named types referenced but not defined here (shared types to import). */
  references: Set<string>;
  /** Called for every named type defined inline, so the caller can reject duplicates. */
  onDefine(name: string): void;
}

const PRIMITIVE_TS: Readonly<Record<string, string>> = {
  boolean: 'boolean',
  int: 'number',
  long: 'number',
  string: 'string',
  bytes: 'Buffer',
};

/** Appends the declaration of `schema` (a record or enum) and of the named types inside it. */
export function declareNamedType(schema: AvroNamedTypeJson, sink: DeclarationSink): void {
  sink.onDefine(schema.name);
  if (schema.type === 'enum') {
    sink.declarations.push(enumDeclaration(schema));
    return;
  }
  const at = sink.declarations.push('') - 1; // reserve the slot so a record precedes its nested types
  const members = (schema.fields ?? []).map((field) => fieldMember(field, sink));
  sink.declarations[at] = `${tsDoc(schema.doc ?? '', '')}export interface ${schema.name} {\n${members.join('')}}\n`;
}

function enumDeclaration(schema: AvroNamedTypeJson): string {
  const constName = `${schema.name[0].toLowerCase()}${schema.name.slice(1)}Symbols`;
  const symbols = (schema.symbols ?? []).map((symbol) => `'${symbol}'`).join(', ');
  return (
    `/** Symbols of {@link ${schema.name}}, in schema order. */\n` +
    `export const ${constName} = [${symbols}] as const;\n\n` +
    `${tsDoc(schema.doc ?? '', '')}export type ${schema.name} = (typeof ${constName})[number];\n`
  );
}

function fieldMember(field: AvroFieldJson, sink: DeclarationSink): string {
  const valueType = optionalBranch(field.type) ?? field.type;
  const unit = isTimestamp(valueType) ? ' Epoch milliseconds (timestamp-millis).' : '';
  return `${tsDoc(`${field.doc ?? ''}${unit}`, '  ')}  ${field.name}: ${tsType(field.type, sink)};\n`;
}

function tsType(schema: AvroSchemaJson, sink: DeclarationSink): string {
  const valueType = optionalBranch(schema);
  if (valueType !== undefined) return `${tsType(valueType, sink)} | null`;
  if (typeof schema === 'string') {
    if (PRIMITIVE_TS[schema]) return PRIMITIVE_TS[schema];
    const name = schema.slice(schema.lastIndexOf('.') + 1);
    sink.references.add(name);
    return name;
  }
  if (Array.isArray(schema)) throw new Error(`unsupported union ${JSON.stringify(schema)}`);
  if (isNamedType(schema)) {
    declareNamedType(schema, sink);
    return schema.name;
  }
  if (schema.type === 'array') return `${tsType(schema.items ?? 'null', sink)}[]`;
  if (PRIMITIVE_TS[schema.type]) return PRIMITIVE_TS[schema.type];
  throw new Error(`unsupported type ${JSON.stringify(schema)}`);
}

function tsDoc(text: string, indent: string): string {
  return `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n`;
}
