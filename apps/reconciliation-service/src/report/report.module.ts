import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Clock } from '../app/clock';
import { APP_LOGGER, CLOCK, RECONCILIATION_CONFIG } from '../app/tokens';
import type { ReconciliationServiceConfig } from '../config/reconciliation-service.config';
import { MatchingLoop } from '../projection/matching.loop';
import { ProjectionModule } from '../projection/projection.module';
import { ProjectionRepository } from '../projection/projection.repository';
import { DailyReportService } from './daily-report.service';
import { ReportScheduler } from './report.scheduler';

/** The daily report and its 09:00 Asia/Shanghai schedule. */
@Module({
  imports: [ProjectionModule],
  providers: [
    {
      provide: DailyReportService,
      inject: [Pool, ProjectionRepository, CLOCK, RECONCILIATION_CONFIG],
      useFactory: (pool: Pool, projection: ProjectionRepository, clock: Clock, config: ReconciliationServiceConfig) =>
        new DailyReportService(pool, projection, { maxTimeGapMs: config.MAX_TIME_GAP_MS, settlementWindowMs: config.SETTLEMENT_WINDOW_MS }, clock, config.REPORT_DIR),
    },
    {
      provide: ReportScheduler,
      inject: [DailyReportService, CLOCK, APP_LOGGER, MatchingLoop],
      useFactory: (reports: DailyReportService, clock: Clock, logger: Logger, matching: MatchingLoop) =>
        new ReportScheduler(reports, clock, logger.child({ component: 'report' }), () => matching.runNow()),
    },
  ],
  exports: [DailyReportService, ReportScheduler],
})
export class ReportModule {}
