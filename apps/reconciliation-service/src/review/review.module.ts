import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import type { Clock } from '../app/clock';
import { CLOCK } from '../app/tokens';
import { FinanceReviewerGuard } from '../auth/finance-reviewer.guard';
import { ReconciliationTables } from '../database/tables';
import { ReviewQueueController } from './review-queue.controller';
import { ReviewQueueRepository } from './review-queue.repository';
import { ReviewQueueService } from './review-queue.service';

/** The review queue API; its actions are guarded by {@link FinanceReviewerGuard}. */
@Module({
  controllers: [ReviewQueueController],
  providers: [
    FinanceReviewerGuard,
    { provide: ReviewQueueRepository, inject: [ReconciliationTables], useFactory: (tables: ReconciliationTables) => new ReviewQueueRepository(tables) },
    { provide: ReviewQueueService, inject: [Pool, ReviewQueueRepository, CLOCK], useFactory: (pool: Pool, items: ReviewQueueRepository, clock: Clock) => new ReviewQueueService(pool, items, clock) },
  ],
})
export class ReviewModule {}
