import { backoffDelay } from './backoff-policy';

describe('backoffDelay', () => {
  const policy = { initialDelayMs: 200, maxDelayMs: 10_000, multiplier: 2 };

  it('doubles from the initial delay and stops at the cap', () => {
    const middle = () => 0.5; // no jitter
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => backoffDelay(policy, attempt, middle))).toEqual([200, 400, 800, 1_600, 3_200, 6_400, 10_000, 10_000]);
  });

  it('jitters by at most 20 % either way', () => {
    expect(backoffDelay(policy, 3, () => 0)).toBe(640);
    expect(backoffDelay(policy, 3, () => 0.999_999)).toBe(960);
  });
});
