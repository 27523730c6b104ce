import { reconciliationConfig } from './reconciliation-config';

describe('reconciliationConfig', () => {
  it('defaults to 500 ms and a 24 h settlement window, with now as given', () => {
    expect(reconciliationConfig(1_718_677_862_000)).toEqual({ now: 1_718_677_862_000, maxTimeGapMs: 500, settlementWindowMs: 86_400_000 });
  });

  it('takes overrides', () => {
    expect(reconciliationConfig(0, { maxTimeGapMs: 1_000 }).maxTimeGapMs).toBe(1_000);
  });

  it.each([
    [{ maxTimeGapMs: 0.5 }, /maxTimeGapMs must be an integer/],
    [{ settlementWindowMs: Number.NaN }, /settlementWindowMs must be an integer/],
    [{ maxTimeGapMs: -1 }, /cannot be negative/],
  ])('refuses %j', (overrides, message) => {
    expect(() => reconciliationConfig(0, overrides)).toThrow(message);
  });
});
