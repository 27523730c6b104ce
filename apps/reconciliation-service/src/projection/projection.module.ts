import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Clock } from '../app/clock';
import { APP_LOGGER, CLOCK, RECONCILIATION_CONFIG } from '../app/tokens';
import type { ReconciliationServiceConfig } from '../config/reconciliation-service.config';
import { ReconciliationTables } from '../database/tables';
import { InputFactRepository } from '../inputs/input-fact.repository';
import { StatementLineRepository } from '../statements/statement-line.repository';
import { MatchingLoop } from './matching.loop';
import { ProjectionRepository } from './projection.repository';
import { ReconciliationProjector } from './reconciliation.projector';

/** The stores of inputs and projection, the projector, and the loop that keeps matching current. */
@Module({
  providers: [
    { provide: InputFactRepository, inject: [ReconciliationTables], useFactory: (tables: ReconciliationTables) => new InputFactRepository(tables) },
    { provide: StatementLineRepository, inject: [ReconciliationTables], useFactory: (tables: ReconciliationTables) => new StatementLineRepository(tables) },
    { provide: ProjectionRepository, inject: [ReconciliationTables], useFactory: (tables: ReconciliationTables) => new ProjectionRepository(tables) },
    {
      provide: ReconciliationProjector,
      inject: [Pool, ReconciliationTables, InputFactRepository, StatementLineRepository, ProjectionRepository, RECONCILIATION_CONFIG],
      useFactory: (pool: Pool, tables: ReconciliationTables, facts: InputFactRepository, lines: StatementLineRepository, projection: ProjectionRepository, config: ReconciliationServiceConfig) =>
        new ReconciliationProjector(pool, tables, facts, lines, projection, { maxTimeGapMs: config.MAX_TIME_GAP_MS, settlementWindowMs: config.SETTLEMENT_WINDOW_MS }),
    },
    {
      provide: MatchingLoop,
      inject: [ReconciliationProjector, CLOCK, APP_LOGGER, RECONCILIATION_CONFIG],
      useFactory: (projector: ReconciliationProjector, clock: Clock, logger: Logger, config: ReconciliationServiceConfig) =>
        new MatchingLoop(projector, clock, logger.child({ component: 'matching' }), { debounceMs: config.MATCHING_DEBOUNCE_MS, pollMs: config.MATCHING_POLL_MS }),
    },
  ],
  exports: [InputFactRepository, StatementLineRepository, ProjectionRepository, ReconciliationProjector, MatchingLoop],
})
export class ProjectionModule {}
