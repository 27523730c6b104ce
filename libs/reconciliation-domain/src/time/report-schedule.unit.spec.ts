import fc from 'fast-check';
import { businessDateReportedAt, firstReportRunDue, next09ReportRun, reportRunOf } from './report-schedule';
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

describe('reportRunOf: the run (and cut-off) of a business date', () => {
  it('is 09:00 Shanghai on the next day', () => {
    expect(reportRunOf('2024-06-18')).toBe(at('2024-06-19T01:00:00Z'));
    expect(businessDateReportedAt(reportRunOf('2024-12-31'))).toBe('2024-12-31');
  });
});

describe('firstReportRunDue: where a starting scheduler resumes', () => {
  const tenAm = at('2024-06-21T02:00:00Z'); // 10:00 Shanghai on 2024-06-21

  it('given a brand-new install (nothing written), when it starts after 09:00, then nothing is back-filled: the next 09:00', () => {
    expect(firstReportRunDue(null, tenAm, 7)).toBe(at('2024-06-22T01:00:00Z'));
  });

  it('given a brand-new install before 09:00, then its first run reports the day it started on, not the day before', () => {
    const halfPastMidnight = at('2024-06-20T16:30:00Z'); // 00:30 Shanghai on 2024-06-21
    const run = firstReportRunDue(null, halfPastMidnight, 7);
    expect(run).toBe(at('2024-06-22T01:00:00Z'));
    expect(businessDateReportedAt(run)).toBe('2024-06-21');
  });

  it('given a brand-new install whose first tick comes late, then it owes the report of the day it started on', () => {
    const startedAt = at('2024-06-20T10:00:00Z'); // 18:00 Shanghai on 2024-06-20
    const firstTick = at('2024-06-20T17:00:00Z'); // 01:00 Shanghai on 2024-06-21
    expect(businessDateReportedAt(firstReportRunDue(null, firstTick, 7, startedAt))).toBe('2024-06-20');
  });

  it('given yesterday\u2019s report unwritten, when it starts at 10:00, then that run is due now', () => {
    const run = firstReportRunDue('2024-06-19', tenAm, 7);
    expect(run).toBe(at('2024-06-21T01:00:00Z'));
    expect(businessDateReportedAt(run)).toBe('2024-06-20');
  });

  it('given yesterday\u2019s report written, then the next 09:00', () => {
    expect(firstReportRunDue('2024-06-20', tenAm, 7)).toBe(at('2024-06-22T01:00:00Z'));
  });

  it('given days down, then the oldest missed run — but never more than maxCatchUpDays back', () => {
    expect(businessDateReportedAt(firstReportRunDue('2024-06-16', tenAm, 7))).toBe('2024-06-17');
    expect(businessDateReportedAt(firstReportRunDue('2024-05-01', tenAm, 7))).toBe('2024-06-14');
    expect(firstReportRunDue('2024-05-01', tenAm, 0)).toBe(at('2024-06-22T01:00:00Z'));
  });

  it('given a clock set back behind the last written date, then it waits for the run after it', () => {
    expect(businessDateReportedAt(firstReportRunDue('2024-06-25', tenAm, 7))).toBe('2024-06-26');
  });
});
