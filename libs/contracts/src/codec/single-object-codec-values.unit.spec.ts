import { CorruptMessageError, InvalidRecordError, UnknownRecordError } from '../errors/contract-errors';
import { createSchemaEntry } from '../schema/create-schema-entry';
import { SchemaRegistry } from '../schema/schema-registry';
import { recordFixture } from '../testing/record-fixtures';
import { contractCodec, encode } from './contract-codec';
import { singleObjectHeader } from './single-object-header';
import { SingleObjectCodec } from './single-object-codec';

function invalidProblems(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidRecordError) return error.problems.map((p) => `${p.path}: ${p.problem}`);
    throw error;
  }
  throw new Error('expected InvalidRecordError');
}

// A small schema of its own, so the tests can write bytes no real record would contain.
const ledger = createSchemaEntry(
  {
    type: 'record',
    name: 'Ledger',
    namespace: 'test',
    doc: 'Test record.',
    fields: [
      { name: 'amounts', type: { type: 'array', items: 'long' }, doc: 'Amounts.' },
      { name: 'total', type: 'long', doc: 'Total.' },
    ],
  },
  { source: 'test', version: 1, isCurrent: true },
);
const ledgerCodec = new SingleObjectCodec(new SchemaRegistry([ledger]));

describe('encode errors', () => {
  it('names every offending field path and what was expected', () => {
    const order = recordFixture('OrderPlaced');
    const invalid = {
      ...order,
      channel: 'TAOBAO',
      payableTotal: 275.5,
      lines: [{ ...order.lines[0], quantity: '2' }, order.lines[1]],
      shippingAddress: { ...order.shippingAddress, city: undefined },
    };
    const problems = invalidProblems(() => contractCodec().encode('OrderPlaced', invalid));
    expect(problems).toEqual([
      'channel: expected one of DOUYIN, PINDUODUO, SHOPIFY, MINI_PROGRAM, got "TAOBAO"',
      'shippingAddress.city: expected a string, got undefined',
      'lines[0].quantity: expected an int (a 32-bit integer), got a string',
      'payableTotal: expected a long (an integer within ±(2^53 − 1)), got the number 275.5',
    ]);
  });

  it('refuses integers beyond 2^53 instead of rounding them', () => {
    const unsafe = recordFixture('OrderPaid', { amount: 2 ** 60 });
    expect(invalidProblems(() => encode('OrderPaid', unsafe))).toEqual([
      `amount: expected a long (an integer within ±(2^53 − 1)), got an integer out of range (${2 ** 60})`,
    ]);
  });

  it('refuses undeclared (for example misspelt) fields instead of dropping them', () => {
    const misspelt = { ...recordFixture('ChannelOrder'), buyerMesage: '请用礼盒包装' };
    expect(invalidProblems(() => contractCodec().encode('ChannelOrder', misspelt))).toEqual([
      'buyerMesage: undeclared field (not in oms.v1.ChannelOrder)',
    ]);
  });

  it('keeps values out of messages, so phone numbers do not reach the logs', () => {
    const order = recordFixture('OrderPlaced');
    const error = (() => {
      try {
        return contractCodec().encode('OrderPlaced', { ...order, recipientPhone: 13800138000, recipientName: ['王小明'] });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as Error).message).toContain('recipientName: expected a string, got an array');
    expect((error as Error).message).toContain('recipientPhone: expected a string, got a number');
    expect((error as Error).message).not.toMatch(/13800138000|王小明/);
  });

  it('refuses a record name no schema defines', () => {
    expect(() => contractCodec().encode('OrderTeleported', {})).toThrow(UnknownRecordError);
  });
});

describe('decode guards', () => {
  it('refuses a long beyond 2^53 instead of rounding it', () => {
    const zigzagVarint = (value: bigint): number[] => {
      const bytes: number[] = [];
      for (let rest = value * 2n; ; rest >>= 7n) {
        if (rest < 0x80n) return [...bytes, Number(rest)];
        bytes.push(Number((rest & 0x7fn) | 0x80n));
      }
    };
    const body = Buffer.from([0x00, ...zigzagVarint(2n ** 60n)]);
    const message = Buffer.concat([singleObjectHeader(ledger.fingerprint), body]);
    expect(() => ledgerCodec.decode(message)).toThrow(/potential precision loss/);
  });

  it('refuses an array block count larger than the bytes left, at once', () => {
    // Block count 2^31 − 1 (zigzag varint fe ff ff ff 0f) followed by a single byte.
    const body = Buffer.from([0xfe, 0xff, 0xff, 0xff, 0x0f, 0x02]);
    const message = Buffer.concat([singleObjectHeader(ledger.fingerprint), body]);
    const started = Date.now();
    expect(() => ledgerCodec.decode(message)).toThrow(CorruptMessageError);
    expect(() => ledgerCodec.decode(message)).toThrow(/array block of 2147483647 items but only 1 bytes left/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('still reads arrays written in several blocks', () => {
    // Two blocks: [1, 2] then [3] (the second with a negative count and a byte size), end, total 6.
    const body = Buffer.from([0x04, 0x02, 0x04, 0x01, 0x02, 0x06, 0x00, 0x0c]);
    const message = Buffer.concat([singleObjectHeader(ledger.fingerprint), body]);
    expect(ledgerCodec.decode(message).value).toEqual({ amounts: [1, 2, 3], total: 6 });
  });
});
