import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Clock } from '../infrastructure/clock';
import { IngressPublisher } from '../infrastructure/ingress.publisher';
import { CLOCK, PG_POOL } from '../infrastructure/tokens';
import { gatewayMetrics } from '../operations/gateway-metrics';
import { PaymentConfirmationService } from '../payments/confirmation/payment-confirmation.service';
import { ExpectedPaymentRepository } from '../payments/intake/expected-payment.repository';
import { PaymentNotificationRepository } from '../payments/intake/payment-notification.repository';
import { AlipayRefundClient } from './alipay-refund.client';
import { unreachableRefundAnswer, type ProviderRefundAnswer } from './provider-refund-answer';
import { decideRefund, refundRetryDelayMs } from './refund-decision';
import { RefundRequestRepository, type OwedRefund } from './refund-request.repository';
import { refundResultMessage, toRefundResult } from './refund-result.mapper';
import { WechatpayRefundClient } from './wechatpay-refund.client';

/** How one attempt ended: concluded (final result published) or due again later. */
export type RefundAttemptOutcome = 'concluded' | 'retry' | 'processing';

/**
 * Carries out one owed refund: finds the trade's total (the payment the gateway published, the
 * channel order's payable total, else the provider's transaction query), calls the provider's
 * refund API with the request's out_refund_no, records the attempt, and publishes the outcome as
 * a RefundResult (acks all) before marking the request concluded. A crash anywhere leaves the
 * request owed; the next attempt asks again under the same out_refund_no, which the provider
 * answers with the refund already made — a result may be published twice (same message-id,
 * dropped by inboxes), a refund is never made twice and never lost.
 */
@Injectable()
export class RefundExecutionService {
  private readonly logger = new Logger(RefundExecutionService.name);

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly requests: RefundRequestRepository,
    private readonly notifications: PaymentNotificationRepository,
    private readonly expectedPayments: ExpectedPaymentRepository,
    private readonly confirmations: PaymentConfirmationService,
    private readonly wechatpay: WechatpayRefundClient,
    private readonly alipay: AlipayRefundClient,
    private readonly publisher: IngressPublisher,
  ) {}

  async attempt(refund: OwedRefund): Promise<RefundAttemptOutcome> {
    const total = await this.totalOf(refund);
    if (total === null) {
      const unknown = { ...unreachableRefundAnswer('the trade total is unknown: no notification, no channel order, no query answer'), providerStatus: 'TOTAL_UNKNOWN' };
      return this.retryLater(refund, unknown, 'trade total unknown');
    }
    const answer = refund.provider === 'WECHAT_PAY' ? await this.wechatpay.refund(refund, total) : await this.alipay.refund(refund);
    const decision = decideRefund(refund.provider, answer);
    if (decision.kind === 'retry') return this.retryLater(refund, answer, decision.why);

    const attemptedAtMs = this.clock.now();
    const status = decision.kind === 'final' ? decision.status : 'PROCESSING';
    // A refund still processing is asked again later (same out_refund_no); concluded ones keep their lease until published.
    await this.requests.recordAttempt(this.pool, refund, answer, attemptedAtMs, decision.kind === 'final' ? null : refundRetryDelayMs(refund.attempts + 1));
    gatewayMetrics.refundAttempts.inc({ provider: refund.provider, outcome: status });
    if (decision.kind === 'processing' && refund.processingPublished) return 'processing';
    await this.publisher.publish(refundResultMessage(toRefundResult(refund, total, answer, status, attemptedAtMs), refund.orderId));
    if (decision.kind === 'processing') {
      await this.requests.markProcessingPublished(this.pool, refund.outRefundNo);
      return 'processing';
    }
    await this.requests.markConcluded(this.pool, refund.outRefundNo);
    this.logger.log({ orderId: refund.orderId, outRefundNo: refund.outRefundNo, provider: refund.provider, status, providerStatus: answer.providerStatus }, 'refund concluded');
    return 'concluded';
  }

  /** Records an attempt without an outcome; the refund is due again after the backoff. */
  private async retryLater(refund: OwedRefund, answer: ProviderRefundAnswer, why: string): Promise<RefundAttemptOutcome> {
    const retryInMs = refundRetryDelayMs(refund.attempts + 1);
    await this.requests.recordAttempt(this.pool, refund, answer, this.clock.now(), retryInMs);
    gatewayMetrics.refundAttempts.inc({ provider: refund.provider, outcome: 'retry' });
    this.logger.warn({ orderId: refund.orderId, outRefundNo: refund.outRefundNo, provider: refund.provider, attempt: refund.attempts, why, retryInMs }, 'refund not concluded; retrying');
    return 'retry';
  }

  private async totalOf(refund: OwedRefund): Promise<number | null> {
    const notified = await this.notifications.latestFor(this.pool, refund.outTradeNo);
    if (notified?.provider === refund.provider) return notified.amount;
    const expected = (await this.expectedPayments.amountsFor(this.pool, [refund.outTradeNo])).get(refund.outTradeNo);
    if (expected) return expected.amount;
    const queried = await this.confirmations.query({ provider: refund.provider, outTradeNo: refund.outTradeNo });
    return queried.httpStatus === 200 && queried.signatureVerified ? queried.amount : null;
  }
}
