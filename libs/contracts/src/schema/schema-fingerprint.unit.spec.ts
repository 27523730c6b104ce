import { Type } from 'avsc';
import { avroSpecVectors } from '../testing/avro-spec-vectors';
import { parsingCanonicalForm, schemaFingerprint } from './schema-fingerprint';
import { toAvroType } from './to-avro-type';

// avsc refuses two inputs of the specification file, rightly: case 016 is an empty union and
// case 026 gives a boolean field the default "true" (a string). Their fingerprints are still
// checked from the canonical text in crc64-avro.unit.spec.ts.
const unparseable = new Set(avroSpecVectors.filter((v) => v.input === '[  ]' || v.input.includes('"default":"true"')).map((v) => v.input));
const parseable = avroSpecVectors.filter((vector) => !unparseable.has(vector.input));

describe('parsingCanonicalForm', () => {
  it('leaves out only the two cases avsc refuses', () => {
    expect(unparseable.size).toBe(2);
    for (const input of unparseable) expect(() => Type.forSchema(JSON.parse(input), { wrapUnions: 'always' })).toThrow();
  });

  it.each(parseable.map((v) => [v.input, v.canonical]))('canonicalises %s as the specification does', (input, canonical) => {
    // Wrapped unions only so avsc accepts the ambiguous ["null","int","long",…] of case 033.
    const type = Type.forSchema(JSON.parse(input), { wrapUnions: 'always' });
    expect(parsingCanonicalForm(type)).toBe(canonical);
  });

  it('strips docs, defaults, namespaces and logical types from the types this library builds', () => {
    const type = toAvroType({
      type: 'record',
      name: 'Shipment',
      namespace: 'oms.v1',
      doc: 'A shipment.',
      fields: [
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' }, doc: 'When.' },
        { name: 'skus', type: { type: 'array', items: 'string' }, doc: 'What.' },
        { name: 'note', type: ['null', 'string'], default: null, doc: 'Why.' },
      ],
    });
    expect(parsingCanonicalForm(type)).toBe(
      '{"name":"oms.v1.Shipment","type":"record","fields":[{"name":"at","type":"long"},' +
        '{"name":"skus","type":{"type":"array","items":"string"}},{"name":"note","type":["null","string"]}]}',
    );
  });
});

describe('schemaFingerprint', () => {
  it('is the fingerprint of the canonical form', () => {
    expect(schemaFingerprint(Type.forSchema('null'))).toBe('63dd24e7cc258f8a');
    expect(schemaFingerprint(Type.forSchema({ type: 'record', name: 'foo', doc: 'ignored', fields: [] }))).toBe(
      (-4824392279771201922n & 0xffffffffffffffffn).toString(16),
    );
  });
});
