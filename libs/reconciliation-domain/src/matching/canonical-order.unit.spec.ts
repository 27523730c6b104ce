import fc from 'fast-check';
import { shuffled } from '../testing/planted-scenario';
import { canonicalOrder, chronologicalOrder, fnv1a32, inOrder } from './canonical-order';

const identity = (text: string): string => text;

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect([fnv1a32(''), fnv1a32('a'), fnv1a32('foobar')]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
  });
});

describe('canonicalOrder', () => {
  it('gives the same sequence for any order of the same keys', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 60 }), fc.integer(), (keys, seed) => {
        const canonical = inOrder(keys, canonicalOrder(keys, identity).order);
        const other = shuffled(keys, seed);
        expect(inOrder(other, canonicalOrder(other, identity).order)).toEqual(canonical);
      }),
    );
  });

  it('orders by hash, then by key where two keys hash alike', () => {
    expect(fnv1a32('pay:7pwu')).toBe(fnv1a32('pay:e5fa'));
    const keys = ['pay:e5fa', 'pay:7pwu', 'pay:1'];
    const ordered = inOrder(keys, canonicalOrder(keys, identity).order);
    expect(ordered.indexOf('pay:7pwu') + 1).toBe(ordered.indexOf('pay:e5fa'));
    expect(inOrder([...keys].reverse(), canonicalOrder([...keys].reverse(), identity).order)).toEqual(ordered);
  });

  it('reports a repeated key, and none for unique keys', () => {
    expect(canonicalOrder(['b', 'a', 'b'], identity).repeated).toBe('b');
    expect(canonicalOrder(['pay:7pwu', 'pay:e5fa'], identity).repeated).toBeNull();
    expect(canonicalOrder([], identity)).toEqual({ order: new Uint32Array(0), repeated: null });
  });
});

describe('chronologicalOrder', () => {
  const items = [
    { id: 'c', at: 2_000 },
    { id: 'b', at: 1_000 },
    { id: 'a', at: 2_000 },
    { id: 'd', at: -5 },
  ];

  it('orders by time, then by key on equal times, whatever the input order', () => {
    const expected = ['d', 'b', 'a', 'c'];
    for (const seed of [1, 2, 3, 4]) {
      expect(chronologicalOrder(shuffled(items, seed), (item) => item.at, (item) => item.id).map((item) => item.id)).toEqual(expected);
    }
  });

  it('does not change its input', () => {
    const copy = [...items];
    chronologicalOrder(items, (item) => item.at, (item) => item.id);
    expect(items).toEqual(copy);
  });
});
