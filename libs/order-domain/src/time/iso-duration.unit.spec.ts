import { isIsoDuration, parseIsoDuration } from './iso-duration';

const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseIsoDuration', () => {
  it.each([
    ['PT24H', { hours: 24 }],
    ['P1DT2H', { days: 1, hours: 2 }],
    ['P1Y2M3DT4H5M6S', { years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 }],
    ['P2W', { weeks: 2 }],
    ['PT0.5S', { seconds: 0.5 }],
    ['PT1,25S', { seconds: 1.25 }],
    ['P0D', {}],
    ['PT36H', { hours: 36 }],
    ['P1M', { months: 1 }],
    ['PT1M', { minutes: 1 }],
  ])('%s', (text, parts) => {
    expect(parseIsoDuration(text)).toEqual({ ...zero, ...parts });
    expect(isIsoDuration(text)).toBe(true);
  });

  it.each(['', 'P', 'PT', 'P1DT', '24H', 'PT24', 'P-1D', '-PT1H', 'PT1.5H', 'P1.5D', 'P0001-02-03', 'pt24h', 'P1H', 'PT1D', 'P1D2H', `PT${'9'.repeat(20)}H`])(
    'refuses %j',
    (text) => {
      expect(parseIsoDuration(text)).toBeNull();
      expect(isIsoDuration(text)).toBe(false);
    },
  );

  it('refuses what is not a string', () => {
    expect(isIsoDuration(24)).toBe(false);
  });
});
