import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Clock } from '../app/clock';
import { APP_LOGGER, CLOCK, RECONCILIATION_CONFIG } from '../app/tokens';
import { ReconciliationTables } from '../database/tables';
import type { ReconciliationServiceConfig } from '../config/reconciliation-service.config';
import { MatchingLoop } from '../projection/matching.loop';
import { ProjectionModule } from '../projection/projection.module';
import { InputFactRepository } from '../inputs/input-fact.repository';
import { StatementLineRepository } from '../statements/statement-line.repository';
import { DailyReportService } from './daily-report.service';
import { ReportRunRepository } from './report-run.repository';
import { ReportScheduler } from './report.scheduler';

/** The daily report and its 09:00 Asia/Shanghai schedule. */
@Module({
  imports: [ProjectionModule],
  providers: [
    {
      provide: DailyReportService,
      inject: [Pool, InputFactRepository, StatementLineRepository, CLOCK, RECONCILIATION_CONFIG],
      useFactory: (pool: Pool, facts: InputFactRepository, lines: StatementLineRepository, clock: Clock, config: ReconciliationServiceConfig) =>
        new DailyReportService(pool, facts, lines, { maxTimeGapMs: config.MAX_TIME_GAP_MS, settlementWindowMs: config.SETTLEMENT_WINDOW_MS }, clock, config.REPORT_DIR),
    },
    {
      provide: ReportScheduler,
      inject: [DailyReportService, Pool, ReconciliationTables, CLOCK, APP_LOGGER, MatchingLoop, RECONCILIATION_CONFIG],
      useFactory: (reports: DailyReportService, pool: Pool, tables: ReconciliationTables, clock: Clock, logger: Logger, matching: MatchingLoop, config: ReconciliationServiceConfig) =>
        new ReportScheduler(reports, new ReportRunRepository(pool, tables), clock, logger.child({ component: 'report' }), {
          maxCatchUpDays: config.REPORT_CATCH_UP_DAYS,
          catchUp: () => matching.runNow(),
        }),
    },
  ],
  exports: [DailyReportService, ReportScheduler],
})
export class ReportModule {}
