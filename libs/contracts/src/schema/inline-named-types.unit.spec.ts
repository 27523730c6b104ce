import type { AvroSchemaJson } from './avro-schema-json';
import { inlineNamedTypes } from './inline-named-types';

const money = { type: 'record', name: 'Money', namespace: 'shop', doc: 'Money.', fields: [{ name: 'fen', type: 'long' }, { name: 'unit', type: 'Unit' }] };
const unit = { type: 'enum', name: 'Unit', namespace: 'shop', doc: 'Unit.', symbols: ['CNY'] };
const library = new Map<string, AvroSchemaJson>([
  ['shop.Money', money],
  ['shop.Unit', unit],
]);

describe('inlineNamedTypes', () => {
  it('defines a shared type at its first use and refers to it by name afterwards', () => {
    const order: AvroSchemaJson = {
      type: 'record',
      name: 'Order',
      namespace: 'shop',
      fields: [
        { name: 'total', type: 'Money' },
        { name: 'refunds', type: { type: 'array', items: 'shop.Money' } },
        { name: 'tip', type: ['null', 'Money'], default: null },
      ],
    };
    expect(inlineNamedTypes(order, library)).toEqual({
      ...order,
      fields: [
        { name: 'total', type: { ...money, fields: [money.fields[0], { name: 'unit', type: unit }] } },
        { name: 'refunds', type: { type: 'array', items: 'shop.Money' } },
        { name: 'tip', type: ['null', 'Money'], default: null },
      ],
    });
  });

  it('resolves short names in the namespace of the enclosing type, and leaves unknown names alone', () => {
    const elsewhere: AvroSchemaJson = { type: 'record', name: 'Order', namespace: 'other', fields: [{ name: 'total', type: 'Money' }] };
    expect(inlineNamedTypes(elsewhere, library)).toEqual(elsewhere);
  });

  it('does not change its inputs', () => {
    const order: AvroSchemaJson = { type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'total', type: 'Money' }] };
    const before = JSON.stringify([order, money, unit]);
    inlineNamedTypes(order, library);
    expect(JSON.stringify([order, money, unit])).toBe(before);
  });
});
