import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { fnv1a64 } from './fnv1a64';

/** The textbook FNV-1a 64 in BigInt over TextEncoder bytes — slow, obviously right. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('matches the published FNV-1a 64 value of %j', (text, hash) => {
    expect(fnv1a64(text)).toBe(hash);
  });

  it('equals the BigInt reference for any text, Chinese, emoji and lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(fnv1a64(text)).toBe(reference(text));
    }), { numRuns: 500 });
    expect(fnv1a64('浙江省杭州市🚚\ud800')).toBe(reference('浙江省杭州市🚚\ud800'));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined properties', () => {
    expect(canonicalJson({ b: 1, a: [{ d: true, c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":true}],"b":1}');
  });

  it('gives one text for deep-equal values built in any key order', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
      const reversed = Object.fromEntries(Object.entries(value).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(value));
      expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    }), { numRuns: 200 });
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson({ at: Number.NaN })).toThrow(/has no JSON form/);
    expect(() => canonicalJson({ id: 1n })).toThrow(/has no JSON form/);
  });
});
