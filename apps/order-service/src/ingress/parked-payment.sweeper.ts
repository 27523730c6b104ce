import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { withTransaction } from '@oms/postgres';
import type { OrderCommandService } from '../orders/order-command.service';
import type { TransactionOrders } from '../orders/transaction-order.cache';
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
  private timer?: NodeJS.Timeout;
  private sweeping = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    private readonly routing: PaymentRoutingRepository,
    private readonly payments: PaymentIngressService,
    private readonly orders: OrderCommandService,
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Decides every parked fact whose order is placed; returns how many out_trade_nos it released. */
  async sweepOnce(): Promise<number> {
    const client = await this.pool.connect();
    let due: Array<{ outTradeNo: string; orderId: string }>;
    try {
      due = await this.routing.releasable(BATCH, client);
    } finally {
      client.release();
    }
    for (const { outTradeNo, orderId } of due) await this.release(outTradeNo, orderId);
    if (due.length > 0) this.logger.info({ released: due.length }, 'parked payment facts handed to their orders');
    return due.length;
  }

  private async release(outTradeNo: string, orderId: string): Promise<void> {
    let touched: TransactionOrders | undefined;
    await withTransaction(this.pool, async (tx) => {
      touched = this.orders.transactionOrders(tx);
      await this.payments.decideParked(await this.routing.take(outTradeNo, tx), orderId, tx);
    });
    // Committed: the consumers' next message for the order starts from this state, not the one before it.
    if (touched) this.orders.promoteCommitted(touched);
  }

  // One sweep at a time: a slow sweep delays the next instead of racing it.
  private tick(): Promise<void> {
    this.sweeping = this.sweeping
      .then(async () => void (await this.sweepOnce()))
      .catch((error: unknown) => this.logger.error({ error: String(error) }, 'parked payment sweep failed; next sweep retries'));
    return this.sweeping;
  }
}
