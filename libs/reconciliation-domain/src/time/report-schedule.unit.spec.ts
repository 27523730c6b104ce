import fc from 'fast-check';
import { businessDateReportedAt, next09ReportRun } from './report-schedule';
import { formatShanghaiIso } from './shanghai-clock';

const at = (iso: string): number => Date.parse(iso);

describe('next09ReportRun: 09:00 Asia/Shanghai is 01:00 UTC', () => {
  it.each([
    ['just before 09:00 Shanghai (00:59:59.999 UTC)', '2024-06-18T00:59:59.999Z', '2024-06-18T01:00:00.000Z'],
    ['exactly 09:00 Shanghai: that run is now, the next is tomorrow', '2024-06-18T01:00:00.000Z', '2024-06-19T01:00:00.000Z'],
    ['one ms after 09:00 Shanghai', '2024-06-18T01:00:00.001Z', '2024-06-19T01:00:00.000Z'],
    ['midnight UTC = 08:00 Shanghai, same Shanghai day', '2024-06-18T00:00:00.000Z', '2024-06-18T01:00:00.000Z'],
    ['23:59 UTC = 07:59 Shanghai the next day', '2024-06-17T23:59:00.000Z', '2024-06-18T01:00:00.000Z'],
    ['16:00 UTC = Shanghai midnight', '2024-06-17T16:00:00.000Z', '2024-06-18T01:00:00.000Z'],
    ['15:59 UTC = 23:59 Shanghai', '2024-06-17T15:59:00.000Z', '2024-06-18T01:00:00.000Z'],
    ['New Year in Shanghai', '2024-12-31T16:30:00.000Z', '2025-01-01T01:00:00.000Z'],
  ])('%s', (_case, now, next) => {
    expect(next09ReportRun(at(now))).toBe(at(next));
  });

  it('is always the first 09:00:00.000 Shanghai strictly after now, within a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z') }), (now) => {
        const next = next09ReportRun(now);
        expect(next).toBeGreaterThan(now);
        expect(next - now).toBeLessThanOrEqual(86_400_000);
        expect(formatShanghaiIso(next).slice(11)).toBe('09:00:00.000+08:00');
      }),
    );
  });
});

describe('businessDateReportedAt', () => {
  it('the 09:00 run of a day reports the Shanghai day before', () => {
    expect(businessDateReportedAt(at('2024-06-19T01:00:00Z'))).toBe('2024-06-18');
    expect(businessDateReportedAt(at('2025-01-01T01:00:00Z'))).toBe('2024-12-31');
    expect(businessDateReportedAt(at('2024-03-01T01:00:00Z'))).toBe('2024-02-29');
  });
});
