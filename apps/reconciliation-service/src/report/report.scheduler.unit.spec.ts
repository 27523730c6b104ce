import pino from 'pino';
import { ManualClock } from '../app/clock';
import type { DailyReportService, WrittenReport } from './daily-report.service';
import { ReportScheduler } from './report.scheduler';

/** A report writer that records the dates asked for. */
function recordingReports(): { reports: DailyReportService; dates: string[] } {
  const dates: string[] = [];
  const reports = { write: async (businessDate: string) => (dates.push(businessDate), { businessDate, report: { anomalies: [] }, files: {} } as unknown as WrittenReport) };
  return { reports: reports as unknown as DailyReportService, dates };
}

describe('the 09:00 Asia/Shanghai report schedule', () => {
  const logger = pino({ level: 'silent' });

  it('fires at 01:00 UTC (09:00 Shanghai) for the previous Shanghai day, and not at 09:00 UTC', async () => {
    const clock = new ManualClock(Date.parse('2024-06-18T09:30:00Z')); // 17:30 in Shanghai
    const { reports, dates } = recordingReports();
    const scheduler = new ReportScheduler(reports, clock, logger);
    expect(new Date(scheduler.nextRunAt).toISOString()).toBe('2024-06-19T01:00:00.000Z');

    clock.set(Date.parse('2024-06-19T00:59:59.999Z'));
    expect(await scheduler.tick()).toBeNull();
    clock.set(Date.parse('2024-06-19T01:00:00.000Z'));
    expect(await scheduler.tick()).not.toBeNull();
    expect(dates).toEqual(['2024-06-18']);

    clock.set(Date.parse('2024-06-19T09:00:00.000Z')); // 09:00 UTC is 17:00 in Shanghai: nothing due
    expect(await scheduler.tick()).toBeNull();
    expect(new Date(scheduler.nextRunAt).toISOString()).toBe('2024-06-20T01:00:00.000Z');
    expect(dates).toEqual(['2024-06-18']);
  });

  it('after days down, writes each missed report once, oldest first, then waits for the next 09:00', async () => {
    const clock = new ManualClock(Date.parse('2024-06-18T02:00:00Z'));
    const { reports, dates } = recordingReports();
    const scheduler = new ReportScheduler(reports, clock, logger);
    clock.set(Date.parse('2024-06-21T03:00:00Z'));
    await scheduler.tick();
    await scheduler.tick();
    expect(dates).toEqual(['2024-06-18', '2024-06-19', '2024-06-20']);
    expect(new Date(scheduler.nextRunAt).toISOString()).toBe('2024-06-22T01:00:00.000Z');
  });

  it('brings the projection up to date before writing, and only when a report is due', async () => {
    const clock = new ManualClock(Date.parse('2024-06-19T00:30:00Z'));
    const { reports, dates } = recordingReports();
    const events: string[] = [];
    const scheduler = new ReportScheduler({ write: async (date: string) => (events.push(`write ${date}`), reports.write(date)) } as unknown as DailyReportService, clock, logger, async () => events.push('catch up'));
    await scheduler.tick();
    clock.set(Date.parse('2024-06-19T01:00:00Z'));
    await scheduler.tick();
    expect(events).toEqual(['catch up', 'write 2024-06-18']);
    expect(dates).toEqual(['2024-06-18']);
  });

  it('tries a failed run again at the next tick', async () => {
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
    const scheduler = new ReportScheduler(reports, clock, logger);
    clock.set(Date.parse('2024-06-19T01:00:00Z'));
    await expect(scheduler.tick()).rejects.toThrow('disk full');
    clock.advance(60_000);
    await scheduler.tick();
    expect(dates).toEqual(['2024-06-18']);
  });
});
