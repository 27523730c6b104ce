import fc from 'fast-check';
import { formatIsoDateTime, parseIsoDateTime } from './iso-date-time';

describe('parseIsoDateTime', () => {
  it.each([
    ['2026-01-20T14:22:03+08:00', '2026-01-20T06:22:03Z', 480, '+08:00'],
    ['2026-01-20T14:22:03.123Z', '2026-01-20T14:22:03.123Z', 0, 'Z'],
    ['2026-01-20T14:22:03,5-05:30', '2026-01-20T19:52:03.500Z', -330, '-05:30'],
    ['2028-02-29T00:00:00.123456+00:00', '2028-02-29T00:00:00.123Z', 0, '+00:00'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00Z', 0, 'Z'],
  ])('%s is %s', (text, utc, offsetMinutes, offsetText) => {
    expect(parseIsoDateTime(text)).toEqual({ epochMs: Date.parse(utc), offsetMinutes, offsetText });
  });

  it.each([
    '2026-01-20T14:22:03', // no offset: ambiguous across servers
    '2026-01-20 14:22:03+08:00',
    '2026-02-29T00:00:00Z', // not a leap year
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-20T24:00:00Z',
    '2026-01-20T23:59:60Z',
    '2026-01-20T14:22:03+08',
    '2026-01-20T14:22:03+24:00',
    '',
  ])('refuses %j', (text) => {
    expect(parseIsoDateTime(text)).toBeNull();
  });
});

describe('formatIsoDateTime', () => {
  it('writes the instant in the given offset with milliseconds', () => {
    expect(formatIsoDateTime({ epochMs: Date.parse('2026-01-20T06:22:03Z'), offsetMinutes: 480, offsetText: '+08:00' })).toBe('2026-01-20T14:22:03.000+08:00');
  });

  it('round-trips with parse for any instant and offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -30_000_000_000_000, max: 30_000_000_000_000 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (epochMs, offsetMinutes) => {
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offsetText = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const value = { epochMs, offsetMinutes, offsetText };
          const text = formatIsoDateTime(value);
          expect(parseIsoDateTime(text)).toEqual(value);
          expect(Date.parse(text)).toBe(epochMs);
        },
      ),
    );
  });
});
