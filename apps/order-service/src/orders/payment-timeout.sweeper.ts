import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { withTransaction } from '@oms/postgres';
import { parseIsoDuration, type CheckPaymentConfirmationTimeout } from '@oms/order-domain';
import { now } from '../ingress/command-context';
import { PeriodicJob } from '@oms/nest-kit';
import type { OrderCommandService } from './order-command.service';

/** How far back a freshly started sweeper looks for payment facts it may have missed while down. */
const LOOK_BACK_MS = 24 * 3_600_000;

/** The duration in ms for the sweeper's SQL (years and months as 365/30 days: only a window). */
function approximateMs(duration: string): number {
  const d = parseIsoDuration(duration);
  if (!d) throw new Error(`not an ISO-8601 duration: ${duration}`);
  return ((((d.years * 365 + d.months * 30 + d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000;
}

/**
 * The service's payment timer: orders whose notification or query answer was recorded longer
 * than `PAYMENT_CONFIRMATION_TIMEOUT` ago and that are still unpaid (not paid, refunding or
 * closed) get a `CheckPaymentConfirmationTimeout`; the domain decides whether a review item is
 * due (and raises it once per key). Each payment fact is looked at once per sweep window, and
 * again only after a restart (harmless: the review item exists then).
 */
export class PaymentTimeoutSweeper {
  private readonly timeoutMs: number;
  private since = Date.now() - LOOK_BACK_MS;
  private readonly job: PeriodicJob;

  constructor(
    private readonly pool: Pool,
    private readonly orders: OrderCommandService,
    private readonly logger: Logger,
    private readonly confirmationTimeout: string,
  ) {
    this.timeoutMs = approximateMs(confirmationTimeout);
    this.job = new PeriodicJob('payment timeout sweep', () => this.sweepOnce(), logger);
  }

  start(intervalMs = Math.min(60_000, Math.max(1_000, this.timeoutMs / 3))): void {
    this.job.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** Checks the orders whose payment facts came of age since the last sweep; returns how many. */
  async sweepOnce(at = Date.now()): Promise<number> {
    const until = at - this.timeoutMs;
    const due = await this.pool.query<{ stream_id: string }>(
      `SELECT DISTINCT fact.stream_id FROM events fact
        WHERE fact.event_type IN ('PaymentNotificationAccepted', 'PaymentConfirmed')
          AND fact.recorded_at > to_timestamp($1 / 1000.0) AND fact.recorded_at <= to_timestamp($2 / 1000.0)
          AND NOT EXISTS (SELECT 1 FROM events later WHERE later.stream_id = fact.stream_id
                           AND later.event_type IN ('OrderPaid', 'RefundRequested', 'OrderClosed'))`,
      [this.since - this.timeoutMs, until],
    );
    for (const { stream_id: orderId } of due.rows) await this.check(orderId);
    this.since = at;
    return due.rows.length;
  }

  private async check(orderId: string): Promise<void> {
    const commandId = randomUUID();
    const command: CheckPaymentConfirmationTimeout = { type: 'CheckPaymentConfirmationTimeout', data: { orderId, commandId, ...now(), confirmationTimeout: this.confirmationTimeout } };
    const metadata = { correlationId: commandId, causationId: commandId, actor: 'system:payment-timeout' };
    const outcome = await withTransaction(this.pool, (client) => this.orders.execute({ command, metadata, source: 'payment-timeout', unknownOrder: 'report' }, client));
    if (outcome.kind === 'accepted' && outcome.appended.length > 0) this.logger.warn({ orderId, events: outcome.appended.map((event) => event.event.type) }, 'payment confirmation overdue: review item raised');
  }
}
