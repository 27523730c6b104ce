import { contractCodec } from '../codec/contract-codec';
import { recordNames, type RecordName } from '../generated';
import { isTimestamp, optionalBranch } from '../schema/schema-rules';
import { recordFixture, recordFixtures } from './record-fixtures';

/** Every top-level timestamp field of a fixture with its value and its `…Text` sibling, found through the schema. */
function timestampPairs(recordName: RecordName): Array<[string, unknown, unknown]> {
  const schema = contractCodec().registry.current(recordName).schema;
  const value = recordFixtures[recordName] as unknown as Record<string, unknown>;
  return (schema.fields ?? [])
    .filter((field) => isTimestamp(optionalBranch(field.type) ?? field.type))
    .map((field) => [field.name, value[field.name], value[`${field.name}Text`]]);
}

describe('record fixtures', () => {
  it.each(recordNames)('%s: every timestamp equals its ISO-8601 text, which carries an offset', (recordName) => {
    for (const [field, millis, text] of timestampPairs(recordName)) {
      if (millis === null) {
        expect([field, text]).toEqual([field, null]);
        continue;
      }
      expect([field, text]).toEqual([field, expect.stringMatching(/T\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/)]);
      expect([field, millis]).toEqual([field, Date.parse(text as string)]);
    }
  });

  it('hands out copies, so one test cannot change another test’s sample', () => {
    const copy = recordFixture('OrderPlaced', { payableTotal: 1 });
    copy.lines[0].quantity = 99;
    expect(recordFixtures.OrderPlaced.payableTotal).toBe(27_500);
    expect(recordFixtures.OrderPlaced.lines[0].quantity).toBe(2);
  });

  it('adds up: line amounts and order totals agree', () => {
    const order = recordFixtures.OrderPlaced;
    const linesPaid = order.lines.reduce((sum, line) => sum + line.paidAmount, 0);
    expect(order.lines.every((line) => line.paidAmount === line.quantity * line.unitPrice - line.discountAmount)).toBe(true);
    expect(linesPaid + order.shippingFee).toBe(order.payableTotal);
    expect(order.itemsTotal - order.discountTotal + order.shippingFee).toBe(order.payableTotal);
  });
});
