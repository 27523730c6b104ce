import pino from 'pino';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { ManualClock } from '../app/clock';
import { migrateReconciliationService } from '../database/all-migrations';
import { ReconciliationTables } from '../database/tables';
import type { DailyReportService, WrittenReport } from './daily-report.service';
import { ReportRunRepository } from './report-run.repository';
import { ReportScheduler } from './report.scheduler';

/** The catch-up across a real restart: the run log lives in `recon_report_run`, not in the process. */
describe('report runs in PostgreSQL (recon_report_run)', () => {
  let db: TestSchema;
  beforeAll(async () => {
    db = await createTestSchema('recon_report_run');
    await migrateReconciliationService(db.pool, db.schema);
  });
  afterAll(() => db?.drop());

  it('a process down over 09:00 writes yesterday\u2019s report once when it starts; the next start writes nothing', async () => {
    const runs = new ReportRunRepository(db.pool, new ReconciliationTables(db.schema));
    await runs.record('2024-06-17', Date.parse('2024-06-18T01:00:00Z'));
    const dates: string[] = [];
    const reports = { write: async (businessDate: string) => (dates.push(businessDate), { businessDate, report: { anomalies: [] }, files: {} } as unknown as WrittenReport) } as unknown as DailyReportService;
    const clock = new ManualClock(Date.parse('2024-06-19T02:00:00Z')); // 10:00 Shanghai
    const start = (): ReportScheduler => new ReportScheduler(reports, new ReportRunRepository(db.pool, new ReconciliationTables(db.schema)), clock, pino({ level: 'silent' }), { maxCatchUpDays: 7 });

    expect((await start().tick())?.businessDate).toBe('2024-06-18');
    clock.advance(60_000);
    expect(await start().tick()).toBeNull();
    expect(dates).toEqual(['2024-06-18']);
    expect(await runs.lastReported()).toBe('2024-06-18');
    await runs.record('2024-06-18', 0); // a second instance recording the same date changes nothing
    expect((await db.pool.query('SELECT business_date, written_at FROM recon_report_run ORDER BY 1')).rows).toEqual([
      { business_date: '2024-06-17', written_at: String(Date.parse('2024-06-18T01:00:00Z')) },
      { business_date: '2024-06-18', written_at: String(Date.parse('2024-06-19T02:00:00Z')) },
    ]);
  });
});
