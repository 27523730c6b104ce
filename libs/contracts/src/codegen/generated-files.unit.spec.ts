import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AvroFieldJson, AvroTypeJson } from '../schema/avro-schema-json';
import { DEFAULT_AVRO_DIR } from '../schema/avro-dir';
import { loadSchemaRegistry } from '../schema/load-schema-registry';
import { readSchemaSources, type SchemaSources } from '../schema/schema-sources';
import { GENERATED_TYPES_DIR } from './generated-file';
import { renderGeneratedFiles } from './render-generated-files';
import { renderTypeFiles } from './render-type-files';

const repoRoot = resolve(__dirname, '../../../..');
const sources = readSchemaSources(DEFAULT_AVRO_DIR);
const rendered = renderGeneratedFiles(sources, loadSchemaRegistry(DEFAULT_AVRO_DIR));
const hint = 'out of date: run `npm run contracts:generate` and commit the result';

describe('generated files', () => {
  it.each(rendered.map((file) => [file.path, file.content]))('%s matches the schemas', (path, content) => {
    const onDisk = existsSync(join(repoRoot, path)) ? readFileSync(join(repoRoot, path), 'utf8') : '(missing)';
    if (onDisk !== content) throw new Error(`${path} is ${hint}`);
    expect(onDisk).toBe(content);
  });

  it('has no stale file in the generated folder', () => {
    const expected = rendered.map((file) => file.path).filter((path) => path.startsWith(GENERATED_TYPES_DIR)).sort();
    const actual = readdirSync(join(repoRoot, GENERATED_TYPES_DIR)).map((name) => `${GENERATED_TYPES_DIR}/${name}`).sort();
    expect(actual).toEqual(expected);
  });
});

describe('renderTypeFiles', () => {
  // The ChannelOrder source with one more field.
  const withChannelOrderField = (field: AvroFieldJson): SchemaSources => ({
    ...sources,
    current: sources.current.map((source) => {
      if (source.recordName !== 'ChannelOrder') return source;
      const json = structuredClone(source.json) as AvroTypeJson;
      return { ...source, json: { ...json, fields: [...(json.fields ?? []), field] } };
    }),
  });

  it('follows a schema change, so a stale committed file is detected', () => {
    const changed = withChannelOrderField({ name: 'sellerMemo', type: ['null', 'string'], default: null, doc: 'Seller memo.' });
    const ingress = renderTypeFiles(changed).find((file) => file.path.endsWith('/ingress-types.ts'))!;
    expect(ingress.content).toContain('  /** Seller memo. */\n  sellerMemo: string | null;\n');
  });

  it('refuses a named type defined in two schema files', () => {
    const duplicated = withChannelOrderField({
      name: 'progress',
      type: { type: 'enum', name: 'ShipmentProgress', doc: 'Again.', symbols: ['SHIPPED'] },
      doc: 'Dup.',
    });
    expect(() => renderTypeFiles(duplicated)).toThrow(/type ShipmentProgress is defined in ingress-types and order-events-types; define it once in avro\/common/);
  });

  it('refuses a reference to a type nobody defines', () => {
    const dangling = withChannelOrderField({ name: 'ghost', type: 'Ghost', doc: 'Dangling.' });
    expect(() => renderTypeFiles(dangling)).toThrow(/ingress-types uses undefined types: Ghost/);
  });
});
