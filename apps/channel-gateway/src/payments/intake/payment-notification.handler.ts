import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PaymentProvider } from '@oms/contracts';
import { callbackVerifiedSignature } from '@oms/payment-protocols';
import type { GatewayConfig } from '../../config/gateway-config';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, GATEWAY_CONFIG } from '../../infrastructure/tokens';
import { gatewayMetrics } from '../../operations/gateway-metrics';
import { DurableNotificationIntake } from './durable-notification.intake';
import type { Checked, Refusal } from './notification-refusal';
import type { NotificationVerdict } from './notification-verdict';
import type { VerifiedNotification } from './verified-notification';

/**
 * The provider-independent half of a notification: takes the pure verification's result, makes
 * the fact durable, and decides the verdict. A 200 is only ever decided after the intake's
 * transaction committed, and carries X-Callback-Verified over out_trade_no + the answer time.
 */
@Injectable()
export class PaymentNotificationHandler {
  private readonly logger = new Logger(PaymentNotificationHandler.name);

  constructor(
    private readonly intake: DurableNotificationIntake,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(provider: PaymentProvider, verification: Checked<VerifiedNotification>): Promise<NotificationVerdict> {
    if (!verification.ok) return this.refused(provider, verification.refusal, null);
    const { record } = verification.value;
    try {
      const outcome = await this.intake.submit(verification.value);
      if (outcome.kind === 'refused') return this.refused(provider, outcome.refusal, record.outTradeNo);
      gatewayMetrics.paymentNotifications.inc({ provider, outcome: outcome.kind });
      return this.durable(record.outTradeNo, outcome.kind === 'duplicate');
    } catch (error) {
      gatewayMetrics.paymentNotifications.inc({ provider, outcome: 'failed' });
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error({ provider, outTradeNo: record.outTradeNo, error: message }, 'notification not made durable; answering 500 so the provider retries');
      return { kind: 'failed' };
    }
  }

  private durable(outTradeNo: string, duplicate: boolean): NotificationVerdict {
    const callbackTimestamp = String(this.clock.now());
    return { kind: 'durable', outTradeNo, duplicate, callbackTimestamp, callbackVerified: callbackVerifiedSignature(outTradeNo, callbackTimestamp, this.config.merchantCallbackSecret) };
  }

  private refused(provider: PaymentProvider, refusal: Refusal, outTradeNo: string | null): NotificationVerdict {
    gatewayMetrics.paymentNotifications.inc({ provider, outcome: `refused:${refusal.reason}` });
    this.logger.warn({ provider, outTradeNo, reason: refusal.reason, detail: refusal.detail }, 'payment notification refused');
    return { kind: 'refused', refusal };
  }
}
