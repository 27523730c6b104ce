import fc from 'fast-check';
import { addIsoDuration } from './add-iso-duration';

describe('addIsoDuration', () => {
  it.each([
    ['2026-01-20T14:22:03+08:00', 'PT24H', '2026-01-21T14:22:03.000+08:00'],
    ['2026-01-20T14:22:03+08:00', 'P1DT2H', '2026-01-21T16:22:03.000+08:00'],
    ['2026-01-31T23:30:00+08:00', 'PT45M', '2026-02-01T00:15:00.000+08:00'],
    ['2026-01-31T10:00:00Z', 'P1M', '2026-02-28T10:00:00.000Z'], // clamped to the month's end
    ['2028-01-31T10:00:00Z', 'P1M', '2028-02-29T10:00:00.000Z'], // leap year
    ['2028-02-29T10:00:00+08:00', 'P1Y', '2029-02-28T10:00:00.000+08:00'],
    ['2026-11-15T10:00:00-05:00', 'P2M', '2027-01-15T10:00:00.000-05:00'],
    ['2026-01-20T14:22:03.250Z', 'PT0.75S', '2026-01-20T14:22:04.000Z'],
    ['2026-01-20T14:22:03+08:00', 'P2W', '2026-02-03T14:22:03.000+08:00'],
    ['2026-01-20T14:22:03+00:00', 'PT1H', '2026-01-20T15:22:03.000+00:00'], // +00:00 stays +00:00, not Z
  ])('%s + %s = %s', (start, duration, expected) => {
    expect(addIsoDuration(start, duration)).toBe(expected);
  });

  it('names the bad input', () => {
    expect(() => addIsoDuration('2026-01-20T14:22:03', 'PT1H')).toThrow(RangeError);
    expect(() => addIsoDuration('2026-01-20T14:22:03Z', '1 hour')).toThrow(/Not an ISO-8601 duration: "1 hour"/);
    expect(() => addIsoDuration('2026-01-20T14:22:03Z', 'P999999999Y')).toThrow(/out of range/);
  });

  it('exact units add exact milliseconds and keep the offset', () => {
    const offsets = fc.constantFrom('Z', '+08:00', '-05:00', '+05:45', '+00:00');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }), offsets,
        fc.nat(400), fc.nat(100), fc.nat(1000), fc.nat(100_000),
        (epochMs, offset, days, hours, minutes, seconds) => {
          const startText = shift(epochMs, offset);
          const result = addIsoDuration(startText, `P${days}DT${hours}H${minutes}M${seconds}S`);
          expect(Date.parse(result) - Date.parse(startText)).toBe((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
          expect(result.endsWith(offset)).toBe(true);
        },
      ),
    );
  });
});

/** The instant written in another offset, built independently of the code under test. */
function shift(epochMs: number, offset: string): string {
  if (offset === 'Z') return new Date(epochMs).toISOString();
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return new Date(epochMs + minutes * 60_000).toISOString().replace('Z', offset);
}
