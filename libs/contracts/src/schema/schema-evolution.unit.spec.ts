import { contractCodec } from '../codec/contract-codec';
import { singleObjectHeader } from '../codec/single-object-header';
import { SchemaDefinitionError } from '../errors/contract-errors';
import { planHistorySnapshots } from '../codegen/plan-history-snapshots';
import { recordFixture } from '../testing/record-fixtures';
import type { AvroFieldJson, AvroNamedTypeJson } from './avro-schema-json';
import { compatibilityProblems, findEvolutionProblems } from './check-compatibility';
import { createSchemaEntry } from './create-schema-entry';
import { SchemaRegistry } from './schema-registry';

const registry = contractCodec().registry;
const published = registry.entries().filter((entry) => entry.version !== undefined);

function withFields(schema: AvroNamedTypeJson, change: (fields: AvroFieldJson[]) => AvroFieldJson[]): AvroNamedTypeJson {
  return { ...schema, fields: change(structuredClone(schema.fields ?? [])) };
}

/** The real entries with ChannelOrder v2 demoted to a mere published version, as after an edit. */
function replacingCurrentChannelOrder() {
  return registry.entries().map((entry) => (entry.recordName === 'ChannelOrder' ? { ...entry, isCurrent: false } : entry));
}

describe('the evolution guard on the real history', () => {
  it('has a published version equal to every current schema (run contracts:generate -- --snapshot)', () => {
    const unpublished = registry.recordNames.filter((name) => registry.current(name).version === undefined);
    expect(unpublished).toEqual([]);
  });

  it('finds every published version readable by the current schema', () => {
    expect(findEvolutionProblems(registry)).toEqual([]);
  });

  it('keeps ChannelOrder v1, published before buyerMessage existed', () => {
    expect(registry.versions('ChannelOrder').map((entry) => entry.version)).toEqual([1, 2]);
    expect(registry.current('ChannelOrder').version).toBe(2);
  });

  it.each(published.map((entry) => [`${entry.recordName} v${entry.version}`, entry] as const))(
    'decodes random %s data with the current schema',
    (_, old) => {
      for (let sample = 0; sample < 5; sample++) {
        const value = old.type.random();
        const decoded = contractCodec().decode(Buffer.concat([singleObjectHeader(old.fingerprint), old.type.toBuffer(value)]));
        expect(decoded.recordName).toBe(old.recordName);
        expect(decoded.fingerprint).toBe(old.fingerprint);
        expect(decoded.value).toEqual(expect.objectContaining(JSON.parse(JSON.stringify(value))));
      }
    },
  );

  it('reads a ChannelOrder written with v1 into v2, buyerMessage defaulting to null', () => {
    const v1 = registry.versions('ChannelOrder')[0];
    const { buyerMessage: _, ...v1Order } = recordFixture('ChannelOrder');
    const bytes = Buffer.concat([singleObjectHeader(v1.fingerprint), v1.type.toBuffer(v1Order)]);
    const decoded = contractCodec().decode(bytes, 'ChannelOrder');
    expect(decoded.fingerprint).toBe(v1.fingerprint);
    expect(decoded.value).toEqual({ ...v1Order, buyerMessage: null });
  });
});

describe('compatibilityProblems', () => {
  const current = registry.current('ChannelOrder').schema;

  it('accepts a new optional field with a default', () => {
    const next = withFields(current, (fields) => [
      ...fields,
      { name: 'sellerMemo', type: ['null', 'string'], default: null, doc: 'Seller memo.' },
    ]);
    expect(compatibilityProblems(current, next)).toEqual([]);
  });

  it('reports a new required field without a default', () => {
    const next = withFields(current, (fields) => [...fields, { name: 'warehouseHint', type: 'string', doc: 'Hint.' }]);
    const problems = compatibilityProblems(current, next);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('warehouseHint');
  });

  it('reports a field whose type changed incompatibly', () => {
    const next = withFields(current, (fields) =>
      fields.map((field) => (field.name === 'shopId' ? { ...field, type: 'long' } : field)),
    );
    expect(compatibilityProblems(current, next)).not.toEqual([]);
  });

  it('refuses to publish a breaking change, naming every broken version', () => {
    const breaking = withFields(current, (fields) => [...fields, { name: 'warehouseHint', type: 'string', doc: 'Hint.' }]);
    const candidate = createSchemaEntry(breaking, { source: 'ingress/ChannelOrder.avsc', version: undefined, isCurrent: true });
    const withBreaking = new SchemaRegistry([...replacingCurrentChannelOrder(), candidate]);
    expect(findEvolutionProblems(withBreaking)).toHaveLength(2);
    expect(() => planHistorySnapshots(withBreaking)).toThrow(SchemaDefinitionError);
    expect(() => planHistorySnapshots(withBreaking)).toThrow(/ChannelOrder v1: .*warehouseHint[\s\S]*ChannelOrder v2: .*warehouseHint/);
  });

  it('plans the next version for a compatible change', () => {
    const next = withFields(current, (fields) => [
      ...fields,
      { name: 'sellerMemo', type: ['null', 'string'], default: null, doc: 'Seller memo.' },
    ]);
    const candidate = createSchemaEntry(next, { source: 'ingress/ChannelOrder.avsc', version: undefined, isCurrent: true });
    const files = planHistorySnapshots(new SchemaRegistry([...replacingCurrentChannelOrder(), candidate]));
    expect(files.map((file) => file.path)).toEqual(['libs/contracts/avro/history/ChannelOrder/v3.avsc']);
    expect(JSON.parse(files[0].content)).toEqual(next);
  });
});
