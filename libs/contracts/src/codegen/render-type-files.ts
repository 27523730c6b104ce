import { isNamedType, shortNameOf, type AvroSchemaJson } from '../schema/avro-schema-json';
import type { CurrentSchemaSource, SchemaSources } from '../schema/schema-sources';
import { GENERATED_HEADER, GENERATED_TYPES_DIR, type GeneratedFile } from './generated-file';
import { declareNamedType, type DeclarationSink } from './ts-declarations';

const COMMON_FILE = 'common-types';

/**
 * Renders the TypeScript of every schema: `common-types.ts` for the shared types, one
 * `<folder>-types.ts` per schema folder (interfaces for records, string-literal unions plus a
 * symbols array for enums), `record-types.ts` (the `RecordName` union, the `RecordTypes` map and
 * the name lists) and an `index.ts`. Throws when a named type is defined twice or used without a
 * definition, because the TypeScript would then silently differ from the schemas.
 */
export function renderTypeFiles(sources: SchemaSources): GeneratedFile[] {
  const definedIn = new Map<string, string>();
  const commonNames = new Set(sources.common.map(({ json }) => (isNamedType(json) ? shortNameOf(json.name) : '')));
  const files = [renderModule(COMMON_FILE, sources.common.map((s) => s.json), definedIn, commonNames)];
  const folders = [...new Set(sources.current.map((source) => source.folder))];
  for (const folder of folders) {
    const schemas = sources.current.filter((source) => source.folder === folder).map((source) => source.json);
    files.push(renderModule(`${folder}-types`, schemas, definedIn, commonNames));
  }
  files.push(renderRecordTypes(sources.current, folders));
  const modules = [COMMON_FILE, ...folders.map((folder) => `${folder}-types`), 'record-types'];
  files.push(file('index', modules.map((name) => `export * from './${name}';\n`).join('')));
  return files;
}

function renderModule(
  moduleName: string,
  schemas: AvroSchemaJson[],
  definedIn: Map<string, string>,
  commonNames: ReadonlySet<string>,
): GeneratedFile {
  const local = new Set<string>();
  const sink: DeclarationSink = {
    declarations: [],
    references: new Set(),
    onDefine: (name) => {
      const other = definedIn.get(name);
      if (other) throw new Error(`type ${name} is defined in ${other} and ${moduleName}; define it once in avro/common`);
      definedIn.set(name, moduleName);
      local.add(name);
    },
  };
  for (const schema of schemas) if (isNamedType(schema)) declareNamedType(schema, sink);
  const imports = [...sink.references].filter((name) => !local.has(name)).sort();
  const unknown = imports.filter((name) => !commonNames.has(name) || moduleName === COMMON_FILE);
  if (unknown.length > 0) throw new Error(`${moduleName} uses undefined types: ${unknown.join(', ')}`);
  return file(moduleName, importLine(imports, `./${COMMON_FILE}`) + sink.declarations.join('\n'));
}

function renderRecordTypes(current: CurrentSchemaSource[], folders: string[]): GeneratedFile {
  const names = current.map((source) => source.recordName).sort();
  const imports = folders
    .map((folder) => importLine(current.filter((s) => s.folder === folder).map((s) => s.recordName), `./${folder}-types`))
    .join('');
  const byFolder = folders.map((folder) => {
    const inFolder = current.filter((source) => source.folder === folder).map((source) => `'${source.recordName}'`);
    return `  '${folder}': [${inFolder.join(', ')}],\n`;
  });
  return file(
    'record-types',
    `${imports}` +
      `/** Every record the backbone exchanges, by record name (the \`event-type\` header). */\n` +
      `export interface RecordTypes {\n${names.map((name) => `  ${name}: ${name};\n`).join('')}}\n\n` +
      `/** Name of a record the backbone exchanges. */\n` +
      `export type RecordName = keyof RecordTypes;\n\n` +
      `/** Every record name, sorted. */\n` +
      `export const recordNames = [${names.map((name) => `'${name}'`).join(', ')}] as const satisfies readonly RecordName[];\n\n` +
      `/** Record names by the avro folder their schema lives in. */\n` +
      `export const recordNamesByFolder = {\n${byFolder.join('')}} as const satisfies Record<string, readonly RecordName[]>;\n`,
  );
}

function importLine(names: string[], from: string): string {
  if (names.length === 0) return '';
  return `import type {\n${names.map((name) => `  ${name},\n`).join('')}} from '${from}';\n\n`;
}

function file(moduleName: string, body: string): GeneratedFile {
  return { path: `${GENERATED_TYPES_DIR}/${moduleName}.ts`, content: `${GENERATED_HEADER}\n${body}` };
}
