import { trackCredibility } from './track-credibility';

const shippedAt = Date.parse('2024-06-18T16:05:12+08:00');

describe('trackCredibility (< 30 s → 100, 30–120 s → 60, > 120 s → manual audit)', () => {
  it.each([
    [29_000, { score: 100, audit: false }],
    [29_999, { score: 100, audit: false }],
    [30_000, { score: 60, audit: false }],
    [120_000, { score: 60, audit: false }],
    [120_001, { score: null, audit: true }],
    [121_000, { score: null, audit: true }],
  ])('a first track %i ms after shipment scores %j', (gapMs, expected) => {
    expect(trackCredibility(shippedAt, shippedAt + gapMs)).toEqual({ ...expected, gapMs });
  });

  it('treats a first track long before our shipment as doubtful too', () => {
    expect(trackCredibility(shippedAt, shippedAt - 121_000)).toEqual({ score: null, audit: true, gapMs: 121_000 });
  });
});
