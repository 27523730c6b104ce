import { requireBankTime } from '../time/bank-time.parser';
import { exceedsTimeTolerance, settlementWindowPassed, timeGapBetween } from './precision-policy';

const t = requireBankTime;
const gap = (a: string, b: string) => timeGapBetween(t(a), t(b));

describe('precision policy: a time is an interval at its written precision', () => {
  it('millisecond on both sides: the plain rule, 500 ms passes and 501 ms is flagged', () => {
    expect(gap('2024-06-18T10:31:02.000', '2024-06-18T10:31:02.500')).toEqual({ minMs: 500, maxMs: 500 });
    expect(exceedsTimeTolerance(gap('2024-06-18T10:31:02.000', '2024-06-18T10:31:02.500'), 500)).toBe(false);
    expect(exceedsTimeTolerance(gap('2024-06-18T10:31:02.000', '2024-06-18T10:31:02.501'), 500)).toBe(true);
  });

  it('second precision against milliseconds: flagged only when the smallest possible gap is over 500 ms', () => {
    // 10:31:02 covers [02.000, 02.999]; the closest it can be to 03.499 is 500 ms, to 03.500 is 501 ms.
    expect(gap('2024-06-18 10:31:02', '2024-06-18T10:31:03.499')).toEqual({ minMs: 500, maxMs: 1_499 });
    expect(exceedsTimeTolerance(gap('2024-06-18 10:31:02', '2024-06-18T10:31:03.499'), 500)).toBe(false);
    expect(exceedsTimeTolerance(gap('2024-06-18 10:31:02', '2024-06-18T10:31:03.500'), 500)).toBe(true);
    // and before the interval: 01.500 is 500 ms before 02.000, 01.499 is 501 ms before.
    expect(exceedsTimeTolerance(gap('2024-06-18 10:31:02', '2024-06-18T10:31:01.500'), 500)).toBe(false);
    expect(exceedsTimeTolerance(gap('2024-06-18 10:31:02', '2024-06-18T10:31:01.499'), 500)).toBe(true);
  });

  it('a millisecond time inside the second overlaps it: smallest gap 0', () => {
    expect(gap('2024-06-18 10:31:02', '2024-06-18T10:31:02.999')).toEqual({ minMs: 0, maxMs: 999 });
  });

  it('second precision on both sides: adjacent seconds pass, two seconds apart is flagged', () => {
    expect(gap('2024-06-18 10:31:02', '20240618103103')).toEqual({ minMs: 1, maxMs: 1_999 });
    expect(exceedsTimeTolerance(gap('2024-06-18 10:31:02', '20240618103103'), 500)).toBe(false);
    expect(gap('2024-06-18 10:31:02', '20240618103104')).toEqual({ minMs: 1_001, maxMs: 2_999 });
    expect(exceedsTimeTolerance(gap('2024-06-18 10:31:02', '20240618103104'), 500)).toBe(true);
  });

  it('is symmetric', () => {
    expect(gap('2024-06-18T10:31:03.500', '2024-06-18 10:31:02')).toEqual(gap('2024-06-18 10:31:02', '2024-06-18T10:31:03.500'));
  });

  it('a date-only bank time cannot show a sub-second gap within its day', () => {
    expect(gap('2024-06-18', '2024-06-18T23:59:59.999').minMs).toBe(0);
    // the day's last instant is 23:59:59.999
    expect(gap('2024-06-18', '2024-06-19T00:00:00.499').minMs).toBe(500);
    expect(gap('2024-06-18', '2024-06-19T00:00:00.500').minMs).toBe(501);
  });

  it('the tolerance is a parameter', () => {
    expect(exceedsTimeTolerance({ minMs: 900, maxMs: 900 }, 1_000)).toBe(false);
    expect(exceedsTimeTolerance({ minMs: 1_001, maxMs: 1_001 }, 1_000)).toBe(true);
  });
});

describe('settlement window, by the latest instant a time can denote', () => {
  const window = 60_000;
  it('millisecond time: passed only after more than the window', () => {
    const paid = t('2024-06-18T10:31:02.000');
    expect(settlementWindowPassed(paid, window, paid.epochMs + window)).toBe(false);
    expect(settlementWindowPassed(paid, window, paid.epochMs + window + 1)).toBe(true);
  });

  it('second-precision time: the window counts from the end of the second', () => {
    const paid = t('2024-06-18 10:31:02');
    expect(settlementWindowPassed(paid, window, paid.epochMs + 999 + window)).toBe(false);
    expect(settlementWindowPassed(paid, window, paid.epochMs + 999 + window + 1)).toBe(true);
  });
});
