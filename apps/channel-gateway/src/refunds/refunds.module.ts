import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { AlipayRefundClient } from './alipay-refund.client';
import { RefundExecutionService } from './refund-execution.service';
import { RefundRequestRepository } from './refund-request.repository';
import { RefundRequestsConsumer } from './refund-requests.consumer';
import { RefundWorker } from './refund.worker';
import { WechatpayRefundClient } from './wechatpay-refund.client';

/**
 * Refunds: RefundRequested from the order log carried out through the providers' refund APIs
 * (WeChat Pay v3 domestic refunds, Alipay alipay.trade.refund), the outcome published as
 * RefundResult — "compensation, not cancellation": money taken for an order that cannot be
 * fulfilled goes back, and the order closes only on the provider's answer.
 */
@Module({
  imports: [PaymentsModule],
  providers: [RefundRequestRepository, WechatpayRefundClient, AlipayRefundClient, RefundExecutionService, RefundWorker, RefundRequestsConsumer],
  exports: [RefundRequestsConsumer, RefundWorker],
})
export class RefundsModule {}
