import { AVRO_PRIMITIVES, isNamedType, shortNameOf, type AvroNamedTypeJson, type AvroSchemaJson } from '../schema/avro-schema-json';
import { isTimestamp, optionalBranch } from '../schema/schema-rules';

/**
 * Renders a named type as Markdown: a `####` heading (or `###` at top level), its doc, then a field
 * table for a record or the symbol list for an enum, followed by the named types defined inside
 * it. Shared types (`skip`) are linked, not repeated. `facts` (Markdown) goes right after the doc.
 */
export function renderTypeSection(schema: AvroNamedTypeJson, level: number, skip: ReadonlySet<string>, facts = ''): string {
  const nested: AvroNamedTypeJson[] = [];
  const heading = `${'#'.repeat(level)} ${schema.name}\n\n${escapeCell(schema.doc ?? '')}\n\n${facts}`;
  let body: string;
  if (schema.type === 'enum') {
    body = `Enum: ${(schema.symbols ?? []).map((symbol) => `\`${symbol}\``).join(', ')}\n`;
  } else {
    const rows = (schema.fields ?? []).map(
      (field) => `| \`${field.name}\` | ${typeCell(field.type, nested, skip)} | ${escapeCell(field.doc ?? '')} |\n`,
    );
    body = `| field | type | description |\n|---|---|---|\n${rows.join('')}`;
  }
  const children = nested.map((child) => `\n${renderTypeSection(child, Math.max(level, 4), skip)}`);
  return heading + body + children.join('');
}

function typeCell(schema: AvroSchemaJson, nested: AvroNamedTypeJson[], skip: ReadonlySet<string>): string {
  const valueType = optionalBranch(schema);
  if (valueType !== undefined) return `null \\| ${typeCell(valueType, nested, skip)}`;
  if (typeof schema === 'string') return isReference(schema) ? link(shortNameOf(schema)) : `\`${schema}\``;
  if (Array.isArray(schema)) return schema.map((branch) => typeCell(branch, nested, skip)).join(' \\| ');
  if (isNamedType(schema)) {
    if (!skip.has(schema.name)) nested.push(schema);
    return link(schema.name);
  }
  if (schema.type === 'array') return `array of ${typeCell(schema.items ?? 'null', nested, skip)}`;
  if (isTimestamp(schema)) return '`long` timestamp-millis';
  return `\`${schema.type}\``;
}

function isReference(name: string): boolean {
  return !AVRO_PRIMITIVES.has(name);
}

function link(name: string): string {
  return `[${name}](#${name.toLowerCase()})`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
