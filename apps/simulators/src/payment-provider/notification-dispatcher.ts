import { headerText, httpExchange } from '@oms/http-client';
import { CallbackHeaders } from '@oms/payment-protocols';

/** One delivery attempt of a notification, as the provider saw it. */
export interface NotificationDelivery {
  attempt: number;
  sentAtMs: number;
  /** HTTP status answered; 0 when the merchant could not be reached. */
  status: number;
  responseBody: string;
  acknowledged: boolean;
  /** X-Callback-Verified and X-Callback-Timestamp as the merchant answered them. */
  callbackVerified: string | null;
  callbackTimestamp: string | null;
}

/** What to send for one attempt (built fresh per attempt, so WeChat Pay deliveries are re-signed). */
export interface OutgoingNotification {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** How a provider reads a merchant's answer: WeChat Pay wants 200/204, Alipay the text `success`. */
export type AcknowledgementRule = (status: number, body: string) => boolean;

export const wechatpayAcknowledged: AcknowledgementRule = (status) => status === 200 || status === 204;
export const alipayAcknowledged: AcknowledgementRule = (status, body) => status === 200 && body.trim() === 'success';

/**
 * Delivers notifications the way the providers do: send, and if the merchant does not
 * acknowledge, retry after each delay of the schedule, then give up. Every attempt is recorded.
 */
export class NotificationDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  /** Starts delivering; `onAttempt` sees each attempt as it completes. */
  dispatch(build: () => OutgoingNotification, acknowledged: AcknowledgementRule, schedule: readonly number[], onAttempt: (delivery: NotificationDelivery) => void): void {
    const attempt = (number: number): void => {
      const task = this.send(build(), number, acknowledged).then((delivery) => {
        onAttempt(delivery);
        const delay = schedule[number - 1];
        if (delivery.acknowledged || delay === undefined || this.stopped) return;
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          attempt(number + 1);
        }, delay);
        this.timers.add(timer);
      });
      this.inFlight.add(task);
      void task.finally(() => this.inFlight.delete(task));
    };
    attempt(1);
  }

  /** One delivery, no retries (redeliveries of a notification already acknowledged). */
  deliverOnce(notification: OutgoingNotification, acknowledged: AcknowledgementRule): Promise<NotificationDelivery> {
    const task = this.send(notification, 1, acknowledged);
    const tracked = task.then(() => undefined);
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
    return task;
  }

  /** Cancels every pending retry and waits for the attempts in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.inFlight);
  }

  private async send(notification: OutgoingNotification, attempt: number, acknowledged: AcknowledgementRule): Promise<NotificationDelivery> {
    const sentAtMs = Date.now();
    try {
      // Not `fetch`: one notification per payment is on the pipeline's hot path, and fetch costs several times the CPU.
      const response = await httpExchange({ method: 'POST', url: notification.url, headers: notification.headers, body: notification.body, timeoutMs: 5_000 });
      return {
        attempt,
        sentAtMs,
        status: response.status,
        responseBody: response.body,
        acknowledged: acknowledged(response.status, response.body),
        callbackVerified: headerText(response.headers, CallbackHeaders.verified) ?? null,
        callbackTimestamp: headerText(response.headers, CallbackHeaders.timestamp) ?? null,
      };
    } catch (error) {
      return { attempt, sentAtMs, status: 0, responseBody: error instanceof Error ? error.message : String(error), acknowledged: false, callbackVerified: null, callbackTimestamp: null };
    }
  }
}
