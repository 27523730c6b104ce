import { waitWhileProgressing } from './patience';

describe('waiting for the services while they make progress', () => {
  const identity = (value: number) => String(value);

  it('keeps waiting past the stall limit as long as the observation changes, and returns once done', async () => {
    let polls = 0;
    const startedAt = Date.now();
    // Moves every poll (5 ms apart) for 30 polls: far longer than the 40 ms stall limit in all.
    const result = await waitWhileProgressing(async () => ++polls, (value) => value >= 30, identity, { stallMs: 40, maxMs: 10_000 }, 5);
    expect(result).toEqual({ value: 30, done: true });
    expect(Date.now() - startedAt).toBeGreaterThan(40);
  });

  it('gives up after the stall limit without any change, answering what it saw last', async () => {
    const startedAt = Date.now();
    const result = await waitWhileProgressing(async () => 7, () => false, identity, { stallMs: 50, maxMs: 10_000 }, 5);
    expect(result).toEqual({ value: 7, done: false });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(50);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
  });

  it('gives up at the overall limit even while things keep moving', async () => {
    let polls = 0;
    const result = await waitWhileProgressing(async () => ++polls, () => false, identity, { stallMs: 10_000, maxMs: 60 }, 5);
    expect(result.done).toBe(false);
    expect(result.value).toBeGreaterThan(1);
  });
});
