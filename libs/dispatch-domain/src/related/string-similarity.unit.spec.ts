import fc from 'fast-check';
import { compareInvoiceTitles, normaliseInvoiceTitle } from './invoice-title-comparison';
import { isMoreSimilarThan, textSimilarity } from './string-similarity';

describe('textSimilarity and the "more than 85%" rule', () => {
  const twenty = 'abcdefghijklmnopqrst';

  it.each([
    ['2 edits in 20 → 90%', twenty, 'abcdefghijklmnopqrXY', 2, 20, true],
    ['3 edits in 21 → 85.7%', `${twenty}u`, 'abcdefghijklmnopqrXYZ', 3, 21, true],
    ['3 edits in 20 → exactly 85% → NOT more', twenty, 'abcdefghijklmnopqXYZ', 3, 20, false],
    ['3 edits in 19 → 84.2%', 'abcdefghijklmnopqrs', 'abcdefghijklmnopXYZ', 3, 19, false],
  ])('%s', (_case, a, b, distance, maxLength, related) => {
    const similarity = textSimilarity(a, b);
    expect(similarity).toEqual({ distance, maxLength, score: 1 - distance / maxLength });
    expect(isMoreSimilarThan(similarity, 85)).toBe(related);
  });

  it('two empty texts are identical', () => {
    expect(textSimilarity('', '')).toEqual({ distance: 0, maxLength: 0, score: 1 });
    expect(isMoreSimilarThan(textSimilarity('', ''), 85)).toBe(true);
  });

  it('the integer rule agrees with the exact fraction for every text pair', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), fc.integer({ min: 0, max: 99 }), (a, b, percent) => {
      const s = textSimilarity(a, b);
      fc.pre(s.maxLength > 0);
      // (maxLength − distance) / maxLength > percent / 100, cross-multiplied in BigInt: no rounding anywhere.
      const exact = BigInt(s.maxLength - s.distance) * 100n > BigInt(percent) * BigInt(s.maxLength);
      expect(isMoreSimilarThan(s, percent)).toBe(exact);
      expect(s.score).toBeGreaterThanOrEqual(0);
    }), { numRuns: 500 });
  });
});

describe('invoice titles', () => {
  it('normalise company forms, brackets and width before scoring', () => {
    expect(normaliseInvoiceTitle('杭州某某眼镜有限责任公司（西湖）')).toBe('杭州某某眼镜有限公司西湖');
    expect(compareInvoiceTitles('杭州某某眼镜有限责任公司', '杭州某某眼镜有限公司', 85, 'IGNORE')).toMatchObject({ compared: true, distance: 0, passes: true });
  });

  it('absent titles: one absent never passes; both absent passes only under IGNORE', () => {
    expect(compareInvoiceTitles(null, '某公司', 85, 'IGNORE')).toEqual({ compared: false, absent: 'ONE', passes: false });
    expect(compareInvoiceTitles(null, '  ', 85, 'IGNORE')).toEqual({ compared: false, absent: 'BOTH', passes: true });
    expect(compareInvoiceTitles(null, null, 85, 'UNRELATED')).toEqual({ compared: false, absent: 'BOTH', passes: false });
  });
});
