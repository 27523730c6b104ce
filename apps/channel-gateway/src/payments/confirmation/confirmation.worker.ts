import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Pool } from 'pg';
import type { GatewayConfig } from '../../config/gateway-config';
import { GATEWAY_CONFIG, PG_POOL } from '../../infrastructure/tokens';
import { PaymentNotificationRepository, type PublishedNotificationRow } from '../intake/payment-notification.repository';
import { PaymentConfirmationService } from './payment-confirmation.service';

const CONCURRENCY = 4;
const ATTEMPTS = 4;
const FIRST_RETRY_MS = 250;
const RESUME_BATCH = 500;

/**
 * Runs the balance confirmation owed after each accepted paid notification, in the background so
 * the provider's callback is answered without waiting for a second round trip. What is owed is in
 * `payment_notifications` (written in the notification's own transaction), so confirmations a
 * crash interrupted are resumed at start. A provider that cannot be reached (no answer, 5xx) is
 * retried with backoff, then the failure itself is published, unconfirmed.
 */
@Injectable()
export class ConfirmationWorker implements OnApplicationBootstrap {
  readonly enabled: boolean;
  private readonly logger = new Logger(ConfirmationWorker.name);
  private readonly queue: PublishedNotificationRow[] = [];
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly notifications: PaymentNotificationRepository,
    private readonly confirmations: PaymentConfirmationService,
  ) {
    this.enabled = config.confirmationEnabled;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    for (const row of await this.notifications.confirmationsOwed(this.pool, RESUME_BATCH)) this.enqueue(row);
  }

  /** Schedules the confirmation of a published notification. */
  enqueue(row: PublishedNotificationRow): void {
    if (!this.enabled || this.stopped) return;
    this.queue.push(row);
    this.pump();
  }

  /** Stops taking work and waits for the confirmations in flight; queued ones stay owed in the table. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    await Promise.all(this.running);
  }

  private pump(): void {
    while (this.running.size < CONCURRENCY && this.queue.length > 0) {
      const row = this.queue.shift() as PublishedNotificationRow;
      const task = this.confirm(row).finally(() => {
        this.running.delete(task);
        this.pump();
      });
      this.running.add(task);
    }
  }

  private async confirm(row: PublishedNotificationRow): Promise<void> {
    const subject = { provider: row.provider, outTradeNo: row.outTradeNo, transactionId: row.transactionId, amount: row.amount, currency: row.currency, merchantId: this.merchantId(row) };
    try {
      let answer = await this.confirmations.query(subject);
      for (let attempt = 1; attempt < ATTEMPTS && (answer.httpStatus === 0 || answer.httpStatus >= 500) && !this.stopped; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, FIRST_RETRY_MS * 2 ** (attempt - 1)));
        answer = await this.confirmations.query(subject);
      }
      await this.confirmations.record(subject, answer);
      await this.notifications.markConfirmed(this.pool, row);
    } catch (error) {
      // Publishing or the database failed: the row stays owed and is resumed at the next start.
      this.logger.error({ outTradeNo: row.outTradeNo, provider: row.provider, error: error instanceof Error ? error.message : String(error) }, 'balance confirmation not recorded');
    }
  }

  private merchantId(row: PublishedNotificationRow): string {
    return row.provider === 'WECHAT_PAY' ? this.config.wechatpay.mchid : this.config.alipay.sellerId;
  }
}
