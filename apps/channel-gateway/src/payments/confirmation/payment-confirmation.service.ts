import { Inject, Injectable } from '@nestjs/common';
import { encode, Headers, Topics, type PaymentConfirmation } from '@oms/contracts';
import type { Clock } from '../../infrastructure/clock';
import { IngressPublisher } from '../../infrastructure/ingress.publisher';
import { CLOCK } from '../../infrastructure/tokens';
import { gatewayMetrics } from '../../operations/gateway-metrics';
import { AlipayTradeQueryClient } from './alipay-trade-query.client';
import { toPaymentConfirmation, type ConfirmationSubject } from './payment-confirmation.evaluator';
import type { ProviderTradeAnswer } from './provider-trade-answer';
import { WechatpayTransactionQueryClient } from './wechatpay-transaction-query.client';

/**
 * Balance confirmation: asks the provider's transaction query API for the authoritative state and
 * publishes the answer as a PaymentConfirmation on `oms.ingress.payments.v1` (acks all) — the
 * confirmation, or the record of its absence or failure.
 */
@Injectable()
export class PaymentConfirmationService {
  constructor(
    private readonly wechatpay: WechatpayTransactionQueryClient,
    private readonly alipay: AlipayTradeQueryClient,
    private readonly publisher: IngressPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Queries the provider once. */
  query(subject: Pick<ConfirmationSubject, 'provider' | 'outTradeNo'>): Promise<ProviderTradeAnswer> {
    return subject.provider === 'WECHAT_PAY' ? this.wechatpay.query(subject.outTradeNo) : this.alipay.query(subject.outTradeNo);
  }

  /** Publishes the confirmation built from an answer; resolves once the broker acknowledged it. */
  async record(subject: ConfirmationSubject, answer: ProviderTradeAnswer): Promise<PaymentConfirmation> {
    const confirmation = toPaymentConfirmation(subject, answer, this.clock.now());
    await this.publisher.publish({
      topic: Topics.ingressPayments,
      key: subject.outTradeNo,
      value: encode('PaymentConfirmation', confirmation),
      headers: {
        [Headers.messageId]: `payment-confirmation:${subject.provider}:${subject.outTradeNo}:${confirmation.queriedAt}`,
        [Headers.correlationId]: `payment:${subject.provider}:${subject.outTradeNo}`,
        [Headers.eventType]: 'PaymentConfirmation',
      },
    });
    gatewayMetrics.confirmations.inc({ provider: subject.provider, confirmed: String(confirmation.confirmed) });
    return confirmation;
  }

  /** Query then record: the operator's "check real status" button. */
  async confirm(subject: ConfirmationSubject): Promise<PaymentConfirmation> {
    return this.record(subject, await this.query(subject));
  }
}
