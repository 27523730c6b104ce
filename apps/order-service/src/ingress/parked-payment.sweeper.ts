import { withTransaction } from '@oms/postgres';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { PeriodicJob } from '@oms/nest-kit';
import type { PaymentIngressService } from './payment-ingress.service';
import type { PaymentRoutingRepository } from './payment-routing.repository';

/** Out_trade_nos handed back per sweep; the rest wait for the next tick. */
const BATCH = 200;

/**
 * Hands back payment facts parked while their order's transaction was still open. The order
 * drains its parked facts when it is placed, but a fact parked by a payments batch that commits
 * after that drain (both transactions open at once, neither waiting for the other) is left
 * behind: this sweep finds it once both committed and decides it, each out_trade_no in a
 * transaction of its own. Taking the facts is a DELETE, so two instances never decide one twice.
 */
export class ParkedPaymentSweeper {
  private readonly job: PeriodicJob;

  constructor(
    private readonly pool: Pool,
    private readonly routing: PaymentRoutingRepository,
    private readonly payments: PaymentIngressService,
    private readonly logger: Logger,
  ) {
    this.job = new PeriodicJob('parked payment sweep', () => this.sweepOnce(), logger);
  }

  start(intervalMs: number): void {
    this.job.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** Decides every parked fact whose order is placed; returns how many out_trade_nos it released. */
  async sweepOnce(): Promise<number> {
    const due = await this.routing.releasable(BATCH, this.pool);
    for (const { outTradeNo, orderId } of due) await this.release(outTradeNo, orderId);
    if (due.length > 0) this.logger.info({ released: due.length }, 'parked payment facts handed to their orders');
    return due.length;
  }

  // Committed, the consumers' next message for the order starts from this state (OrderCommandService promotes it).
  private release(outTradeNo: string, orderId: string): Promise<void> {
    return withTransaction(this.pool, async (tx) => this.payments.decideParked(await this.routing.take(outTradeNo, tx), orderId, tx));
  }
}
