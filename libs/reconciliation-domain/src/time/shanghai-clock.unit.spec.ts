import { businessDateFor, formatShanghaiIso, isOnBusinessDate, shanghaiDayStart } from './shanghai-clock';

describe('Asia/Shanghai business dates (fixed UTC+8)', () => {
  it.each([
    ['2024-06-18T15:59:59.999Z', '2024-06-18'],
    ['2024-06-18T16:00:00.000Z', '2024-06-19'],
    ['2024-06-19T00:00:00.000Z', '2024-06-19'],
    ['2024-12-31T16:00:00.000Z', '2025-01-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
  ])('%s falls on %s', (instant, date) => {
    expect(businessDateFor(Date.parse(instant))).toBe(date);
  });

  it('a business day starts at 16:00 UTC of the day before and lasts 24 h', () => {
    const start = shanghaiDayStart('2024-06-18');
    expect(start).toBe(Date.parse('2024-06-17T16:00:00Z'));
    expect(isOnBusinessDate(start, '2024-06-18')).toBe(true);
    expect(isOnBusinessDate(start - 1, '2024-06-18')).toBe(false);
    expect(isOnBusinessDate(start + 86_400_000 - 1, '2024-06-18')).toBe(true);
    expect(isOnBusinessDate(start + 86_400_000, '2024-06-18')).toBe(false);
  });

  it.each(['2024-6-18', '2024-02-30', '2024-13-01', 'yesterday'])('refuses the business date %j', (date) => {
    expect(() => shanghaiDayStart(date)).toThrow(RangeError);
  });

  it('formats in +08:00 without claiming precision the source lacks', () => {
    const instant = Date.parse('2024-06-18T02:31:02.412Z');
    expect(formatShanghaiIso(instant)).toBe('2024-06-18T10:31:02.412+08:00');
    expect(formatShanghaiIso(instant, 1_000)).toBe('2024-06-18T10:31:02+08:00');
    expect(formatShanghaiIso(Date.parse('2024-06-18T16:00:00Z'), 1)).toBe('2024-06-19T00:00:00.000+08:00');
  });
});
