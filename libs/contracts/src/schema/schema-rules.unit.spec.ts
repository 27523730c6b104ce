import type { AvroFieldJson, AvroSchemaJson } from './avro-schema-json';
import { findSchemaRuleViolations } from './schema-rules';

const at = { type: 'long', logicalType: 'timestamp-millis' };

function record(fields: AvroFieldJson[]): AvroSchemaJson {
  return { type: 'record', name: 'Sample', namespace: 'test', doc: 'A sample.', fields };
}

describe('findSchemaRuleViolations', () => {
  it('accepts a schema that follows every rule', () => {
    const schema = record([
      { name: 'amount', type: 'long', doc: 'Minor units.' },
      { name: 'paidAt', type: ['null', at], default: null, doc: 'When.' },
      { name: 'paidAtText', type: ['null', 'string'], default: null, doc: 'Original text.' },
      { name: 'tags', type: { type: 'array', items: 'string' }, doc: 'Tags.' },
      { name: 'kind', type: { type: 'enum', name: 'Kind', doc: 'Kinds.', symbols: ['A'] }, doc: 'Kind.' },
    ]);
    expect(findSchemaRuleViolations(schema)).toEqual([]);
  });

  it('reports each broken rule with its path', () => {
    const schema = record([
      { name: 'undocumented', type: 'string' },
      { name: 'price', type: 'double', doc: 'Money as a float.' },
      { name: 'either', type: ['string', 'long'], doc: 'Ambiguous.' },
      { name: 'maybe', type: ['null', 'string'], doc: 'No default.' },
      { name: 'shippedAt', type: at, doc: 'Without its text.' },
      { name: 'attributes', type: { type: 'map', values: 'string' }, doc: 'A map.' },
      { name: 'holes', type: { type: 'array', items: 'null' }, doc: 'Nothing.' },
      { name: 'empty', type: { type: 'record', name: 'Empty', doc: 'Nothing.', fields: [] }, doc: 'Empty.' },
      { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A'] }, doc: 'Undocumented enum.' },
    ]);
    expect(findSchemaRuleViolations(schema)).toEqual([
      'Sample.undocumented: needs a doc',
      'Sample.price: type "double" is not allowed here (no floats; null only as ["null", T])',
      'Sample.either: unions are allowed only as a field type, as ["null", T]',
      'Sample.maybe: an optional field needs "default": null',
      'Sample.shippedAt: a timestamp needs a sibling shippedAtText field of type "string" (the original ISO-8601 text)',
      'Sample.attributes: type "map" is not supported',
      'Sample.holes[]: type "null" is not allowed here (no floats; null only as ["null", T])',
      'Sample.empty: record Empty needs at least one field',
      'Sample.kind: named type Kind needs a doc',
    ]);
  });

  it('wants an optional text sibling for an optional timestamp', () => {
    const schema = record([
      { name: 'paidAt', type: ['null', at], default: null, doc: 'When.' },
      { name: 'paidAtText', type: 'string', doc: 'Required text for an optional instant.' },
    ]);
    expect(findSchemaRuleViolations(schema)).toEqual([
      'Sample.paidAt: a timestamp needs a sibling paidAtText field of type ["null","string"] (the original ISO-8601 text)',
    ]);
  });

  it('wants a namespaced record at the top', () => {
    expect(findSchemaRuleViolations('string')).toEqual(['the top level must be a named record']);
    expect(findSchemaRuleViolations({ type: 'record', name: 'Bare', doc: 'x', fields: [{ name: 'a', type: 'int', doc: 'a' }] })).toEqual([
      'Bare: the top-level record needs a namespace',
    ]);
  });
});
