import pino from 'pino';
import { ManualClock } from '../app/clock';
import type { DailyReportService, WrittenReport } from './daily-report.service';
import type { ReportRunLog } from './report-run.repository';
import { ReportScheduler } from './report.scheduler';

/** A report writer that records the dates asked for. */
function recordingReports(): { reports: DailyReportService; dates: string[] } {
  const dates: string[] = [];
  const reports = { write: async (businessDate: string) => (dates.push(businessDate), { businessDate, report: { anomalies: [] }, files: {} } as unknown as WrittenReport) };
  return { reports: reports as unknown as DailyReportService, dates };
}

/** The run log in memory, as `recon_report_run` keeps it; `written` are dates already reported. */
function runLog(...written: string[]): ReportRunLog & { dates: Set<string> } {
  const dates = new Set(written);
  return {
    dates,
    lastReported: async () => [...dates].sort().at(-1) ?? null,
    record: async (businessDate) => void dates.add(businessDate),
  };
}

describe('the 09:00 Asia/Shanghai report schedule', () => {
  const logger = pino({ level: 'silent' });
  const scheduler = (reports: DailyReportService, clock: ManualClock, log: ReportRunLog = runLog(), catchUp?: () => Promise<unknown>): ReportScheduler =>
    new ReportScheduler(reports, log, clock, logger, { maxCatchUpDays: 7, catchUp });

  it('fires at 01:00 UTC (09:00 Shanghai) for the previous Shanghai day, and not at 09:00 UTC', async () => {
    const clock = new ManualClock(Date.parse('2024-06-18T09:30:00Z')); // 17:30 in Shanghai
    const { reports, dates } = recordingReports();
    const sut = scheduler(reports, clock);
    expect(await sut.tick()).toBeNull();
    expect(new Date(sut.nextRunAt!).toISOString()).toBe('2024-06-19T01:00:00.000Z');

    clock.set(Date.parse('2024-06-19T00:59:59.999Z'));
    expect(await sut.tick()).toBeNull();
    clock.set(Date.parse('2024-06-19T01:00:00.000Z'));
    expect(await sut.tick()).not.toBeNull();
    expect(dates).toEqual(['2024-06-18']);

    clock.set(Date.parse('2024-06-19T09:00:00.000Z')); // 09:00 UTC is 17:00 in Shanghai: nothing due
    expect(await sut.tick()).toBeNull();
    expect(new Date(sut.nextRunAt!).toISOString()).toBe('2024-06-20T01:00:00.000Z');
    expect(dates).toEqual(['2024-06-18']);
  });

  it('after days down, writes each missed report once, oldest first, then waits for the next 09:00', async () => {
    const clock = new ManualClock(Date.parse('2024-06-21T03:00:00Z'));
    const { reports, dates } = recordingReports();
    const sut = scheduler(reports, clock, runLog('2024-06-17'));
    await sut.tick();
    await sut.tick();
    expect(dates).toEqual(['2024-06-18', '2024-06-19', '2024-06-20']);
    expect(new Date(sut.nextRunAt!).toISOString()).toBe('2024-06-22T01:00:00.000Z');
  });

  it('started at 10:00 Shanghai with yesterday\u2019s report unwritten, writes it exactly once; a restart does not write it again', async () => {
    const clock = new ManualClock(Date.parse('2024-06-19T02:00:00Z')); // 10:00 Shanghai, the 09:00 run was missed
    const log = runLog('2024-06-17');
    const { reports, dates } = recordingReports();
    const first = scheduler(reports, clock, log);
    expect((await first.tick())?.businessDate).toBe('2024-06-18');
    expect(await first.tick()).toBeNull();
    expect([...log.dates]).toContain('2024-06-18');

    clock.advance(5 * 60_000);
    const restarted = scheduler(reports, clock, log);
    expect(await restarted.tick()).toBeNull();
    expect(dates).toEqual(['2024-06-18']);
    expect(new Date(restarted.nextRunAt!).toISOString()).toBe('2024-06-20T01:00:00.000Z');
  });

  it('on a brand-new install back-fills nothing: the first report is the next 09:00\u2019s', async () => {
    const clock = new ManualClock(Date.parse('2024-06-19T02:00:00Z'));
    const { reports, dates } = recordingReports();
    const sut = scheduler(reports, clock);
    expect(await sut.tick()).toBeNull();
    clock.set(Date.parse('2024-06-20T01:00:00Z'));
    await sut.tick();
    expect(dates).toEqual(['2024-06-19']);
  });

  it('catches up at most maxCatchUpDays reports after a long outage', async () => {
    const clock = new ManualClock(Date.parse('2024-06-30T02:00:00Z'));
    const { reports, dates } = recordingReports();
    await scheduler(reports, clock, runLog('2024-05-01')).tick();
    expect(dates).toEqual(['2024-06-23', '2024-06-24', '2024-06-25', '2024-06-26', '2024-06-27', '2024-06-28', '2024-06-29']);
  });

  it('brings the projection up to date before writing, and only when a report is due', async () => {
    const clock = new ManualClock(Date.parse('2024-06-19T00:30:00Z'));
    const { reports, dates } = recordingReports();
    const events: string[] = [];
    const writer = { write: async (date: string) => (events.push(`write ${date}`), reports.write(date)) } as unknown as DailyReportService;
    const sut = scheduler(writer, clock, runLog('2024-06-17'), async () => events.push('catch up')); // running since before
    await sut.tick();
    clock.set(Date.parse('2024-06-19T01:00:00Z'));
    await sut.tick();
    expect(events).toEqual(['catch up', 'write 2024-06-18']);
    expect(dates).toEqual(['2024-06-18']);
  });

  it('tries a failed run again at the next tick, and records the date only once written', async () => {
    const clock = new ManualClock(Date.parse('2024-06-19T00:30:00Z'));
    let failures = 1;
    const dates: string[] = [];
    const reports = {
      write: async (businessDate: string) => {
        if (failures-- > 0) throw new Error('disk full');
        dates.push(businessDate);
        return { businessDate, report: { anomalies: [] }, files: {} } as unknown as WrittenReport;
      },
    } as unknown as DailyReportService;
    const log = runLog('2024-06-17'); // running since before
    const sut = scheduler(reports, clock, log);
    await sut.tick();
    clock.set(Date.parse('2024-06-19T01:00:00Z'));
    await expect(sut.tick()).rejects.toThrow('disk full');
    expect([...log.dates]).toEqual(['2024-06-17']);
    clock.advance(60_000);
    await sut.tick();
    expect(dates).toEqual(['2024-06-18']);
    expect([...log.dates]).toEqual(['2024-06-17', '2024-06-18']);
  });
});
