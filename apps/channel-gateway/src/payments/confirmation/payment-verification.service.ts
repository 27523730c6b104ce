import { Inject, Injectable } from '@nestjs/common';
import type { PaymentConfirmation, PaymentProvider } from '@oms/contracts';
import type { Pool } from 'pg';
import type { GatewayConfig } from '../../config/gateway-config';
import { GATEWAY_CONFIG, PG_POOL } from '../../infrastructure/tokens';
import { ExpectedPaymentRepository } from '../intake/expected-payment.repository';
import { PaymentNotificationRepository } from '../intake/payment-notification.repository';
import { PaymentConfirmationService } from './payment-confirmation.service';

/** The result of an on-demand verification. */
export type VerificationResult = { kind: 'recorded'; confirmation: PaymentConfirmation } | { kind: 'unknown-provider' };

/**
 * The operator's "check real status" button: queries the provider for an order's payment now and
 * records the answer on `oms.ingress.payments.v1`, whatever it is. The provider comes from the
 * request or from the last notification seen for the order; the expected amount from that
 * notification or from the channel order.
 */
@Injectable()
export class PaymentVerificationService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly notifications: PaymentNotificationRepository,
    private readonly expectedPayments: ExpectedPaymentRepository,
    private readonly confirmations: PaymentConfirmationService,
  ) {}

  async verify(outTradeNo: string, requestedProvider: PaymentProvider | undefined): Promise<VerificationResult> {
    const notified = await this.notifications.latestFor(this.pool, outTradeNo);
    const provider = requestedProvider ?? notified?.provider;
    if (!provider) return { kind: 'unknown-provider' };
    const sameProvider = notified?.provider === provider ? notified : undefined;
    const expected = (await this.expectedPayments.amountsFor(this.pool, [outTradeNo])).get(outTradeNo);
    const confirmation = await this.confirmations.confirm({
      provider,
      outTradeNo,
      transactionId: sameProvider?.transactionId ?? null,
      amount: sameProvider?.amount ?? expected?.amount ?? null,
      currency: sameProvider?.currency ?? expected?.currency ?? this.config.currency,
      merchantId: provider === 'WECHAT_PAY' ? this.config.wechatpay.mchid : this.config.alipay.sellerId,
    });
    if (sameProvider?.needsConfirmation) await this.notifications.markConfirmed(this.pool, sameProvider);
    return { kind: 'recorded', confirmation };
  }
}
