import { answerRate, p99BySecond } from './bench-summary';
import type { RequestOutcome } from './load-generator';

const outcome = (scheduledAt: number, latencyMs: number): RequestOutcome => ({ outTradeNo: 'GW', scheduledAt, sentAt: scheduledAt, answeredAt: scheduledAt + latencyMs, status: 200 });

describe('p99BySecond', () => {
  it('gives the p99 of the requests due in each second of the window, counted from the first due time', () => {
    const first = Array.from({ length: 100 }, (_, index) => outcome(1_000 + index * 9, index === 99 ? 250 : 5));
    const second = [outcome(2_000, 7), outcome(2_500, 3)];
    expect(p99BySecond([...second, ...first])).toEqual([5, 7]);
  });

  it('shows a second where nothing was due as 0, and nothing for no requests', () => {
    expect(p99BySecond([outcome(0, 4), outcome(2_100, 6)])).toEqual([4, 0, 6]);
    expect(p99BySecond([])).toEqual([]);
  });
});

describe('answerRate', () => {
  it('is the offered rate for a gateway that keeps up, whatever its constant latency', () => {
    const keptUp = Array.from({ length: 2_001 }, (_, index) => outcome(index / 2, 40)); // 2,000/s for 1 s
    expect(answerRate(keptUp)).toBeCloseTo(2_000, 6);
  });

  it('drops when the answers fall behind the schedule', () => {
    const fallingBehind = Array.from({ length: 2_001 }, (_, index) => outcome(index / 2, index / 4)); // latency grows
    expect(answerRate(fallingBehind)).toBeCloseTo(2_000 / 1.5, 6);
  });

  it('takes a long run (200,000 answers: more than a spread call can pass)', () => {
    const long = Array.from({ length: 200_001 }, (_, index) => outcome(index / 2, 5));
    expect(answerRate(long)).toBeCloseTo(2_000, 6);
  });

  it('has no rate for fewer than two answers', () => {
    expect(answerRate([outcome(0, 1)])).toBe(0);
  });
});
