import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../infrastructure/tokens';
import { RefundExecutionService } from './refund-execution.service';
import { RefundRequestRepository } from './refund-request.repository';

const CONCURRENCY = 4;
const POLL_EVERY_MS = 1_000;
// Longer than one attempt can take (query + refund call, 10 s timeouts each, and the publish).
const LEASE_MS = 60_000;

/**
 * Works off the refunds owed in `refund_requests`: woken when the consumer committed new
 * requests, and polling once a second for retries that came due (their times are in the table,
 * so a restart resumes exactly where the last process stopped). Up to four refunds at once.
 */
@Injectable()
export class RefundWorker {
  private readonly logger = new Logger(RefundWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly requests: RefundRequestRepository,
    private readonly execution: RefundExecutionService,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), POLL_EVERY_MS);
    this.timer.unref();
    this.wake();
  }

  /** Runs a pass now (or right after the one in flight). */
  wake(): void {
    if (this.stopped) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.pass = this.runPass().finally(() => {
      this.pass = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Stops polling and waits for the attempts in flight; what is owed stays in the table. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.pass;
  }

  private async runPass(): Promise<void> {
    try {
      for (;;) {
        const due = await this.requests.claimDue(this.pool, CONCURRENCY, LEASE_MS);
        if (due.length === 0 || this.stopped) return;
        await Promise.all(due.map((refund) => this.execution.attempt(refund).catch((error: unknown) => this.failed(refund.outRefundNo, error))));
      }
    } catch (error) {
      this.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'claiming owed refunds failed; retrying at the next tick');
    }
  }

  private failed(outRefundNo: string, error: unknown): void {
    // The database or the broker failed mid-attempt: the lease expires and the refund is retried.
    this.logger.error({ outRefundNo, error: error instanceof Error ? error.message : String(error) }, 'refund attempt failed; retried once its lease expires');
  }
}
