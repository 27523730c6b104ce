import { Inject, Injectable } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { MessageBus } from '@oms/messaging';
import { BackgroundWorkLifecycle } from '@oms/nest-kit';
import type { ReconciliationServiceConfig } from '../config/reconciliation-service.config';
import { MatchingLoop } from '../projection/matching.loop';
import { ReportScheduler } from '../report/report.scheduler';
import { MESSAGE_BUS, RECONCILIATION_CONFIG } from './tokens';

/** Whether the service closes the bus at shutdown: only one it created (a runner's shared bus is the runner's). */
export const OWNS_BUS = Symbol('OWNS_BUS');

/**
 * Starts the matching loop and the 09:00 scheduler once the app is up, and stops in order after
 * Nest has stopped consuming and serving: scheduler, matching (its run in flight finishes), the
 * Kafka clients, the pool.
 */
@Injectable()
export class ServiceLifecycle extends BackgroundWorkLifecycle {

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus<PoolClient>,
    @Inject(OWNS_BUS) private readonly ownsBus: boolean,
    @Inject(RECONCILIATION_CONFIG) private readonly config: ReconciliationServiceConfig,
    private readonly matching: MatchingLoop,
    private readonly reports: ReportScheduler,
  ) {
    super();
  }

  protected startWork(): void {
    this.matching.start();
    if (this.config.REPORT_SCHEDULE_ENABLED) this.reports.start();
  }

  protected async stopWork(): Promise<void> {
    await this.reports.stop();
    await this.matching.stop();
    if (this.ownsBus) await this.bus.close();
    await this.pool.end();
  }
}
