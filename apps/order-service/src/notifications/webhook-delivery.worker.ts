import type { Logger } from 'pino';
import type { DueDelivery, WebhookDeliveryRepository } from './webhook-delivery.repository';

/** How the worker runs; the defaults suit production, tests shorten them. */
export interface WebhookWorkerOptions {
  url: string | null;
  pollIntervalMs?: number;
  timeoutMs?: number;
  /** First retry delay; doubles per attempt up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Pushes accepted order changes to the notification webhook (HTTP POST, JSON): each attempt is
 * recorded and logged, a failure is retried with exponential backoff for as long as it takes —
 * never dropped. Without a configured URL deliveries wait, so configuring one later sends them.
 */
export class WebhookDeliveryWorker {
  private running = false;
  private loop?: Promise<void>;
  private readonly options: Required<WebhookWorkerOptions>;

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly logger: Logger,
    options: WebhookWorkerOptions,
  ) {
    this.options = { pollIntervalMs: 500, timeoutMs: 5_000, initialBackoffMs: 1_000, maxBackoffMs: 300_000, ...options };
  }

  start(): void {
    if (!this.options.url) {
      this.logger.warn('NOTIFICATION_WEBHOOK_URL is not set: order changes are queued in webhook_deliveries until it is');
      return;
    }
    this.running = true;
    this.loop = this.run(this.options.url);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(url: string): Promise<void> {
    while (this.running) {
      try {
        const due = await this.deliveries.claimDue(20);
        for (const delivery of due) await this.deliver(url, delivery);
        if (due.length === 0) await sleep(this.options.pollIntervalMs);
      } catch (error) {
        this.logger.error({ error: String(error) }, 'webhook delivery loop failed; retrying');
        await sleep(this.options.pollIntervalMs);
      }
    }
  }

  private async deliver(url: string, delivery: DueDelivery): Promise<void> {
    const attempt = delivery.attempts + 1;
    const started = performance.now();
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-oms-event-id': delivery.eventId, 'x-oms-delivery-attempt': String(attempt) },
        body: JSON.stringify(delivery.body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      httpStatus = response.status;
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    const durationMs = performance.now() - started;
    const retryInMs = error === null ? null : Math.min(this.options.maxBackoffMs, this.options.initialBackoffMs * 2 ** (attempt - 1));
    const fields = { deliveryId: delivery.id, eventId: delivery.eventId, orderId: delivery.orderId, eventType: delivery.eventType, attempt, httpStatus, durationMs: Math.round(durationMs) };
    if (error === null) this.logger.info(fields, 'order change delivered to the notification webhook');
    else this.logger.warn({ ...fields, error, retryInMs }, 'notification webhook attempt failed; will retry');
    await this.deliveries.recordAttempt(delivery, { httpStatus, error, durationMs, retryInMs });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
