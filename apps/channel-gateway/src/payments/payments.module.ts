import { Module } from '@nestjs/common';
import { AlipayNotificationController } from './alipay/alipay-notification.controller';
import { AlipayTradeQueryClient } from './confirmation/alipay-trade-query.client';
import { ConfirmationWorker } from './confirmation/confirmation.worker';
import { PaymentConfirmationService } from './confirmation/payment-confirmation.service';
import { PaymentVerificationService } from './confirmation/payment-verification.service';
import { VerifyPaymentController } from './confirmation/verify-payment.controller';
import { WechatpayTransactionQueryClient } from './confirmation/wechatpay-transaction-query.client';
import { DurableNotificationIntake } from './intake/durable-notification.intake';
import { ExpectedPaymentRepository } from './intake/expected-payment.repository';
import { NoncePruner } from './intake/nonce-pruner';
import { NotificationClaimRepository } from './intake/notification-claim.repository';
import { NotificationNonceRepository } from './intake/notification-nonce.repository';
import { PaymentNotificationHandler } from './intake/payment-notification.handler';
import { PaymentNotificationRepository } from './intake/payment-notification.repository';
import { WechatpayNotificationController } from './wechatpay/wechatpay-notification.controller';

/**
 * Payment notifications (WeChat Pay v3, Alipay), their durable intake and the balance
 * confirmation — pain point 1 of the design: a payment is never believed early and a callback is
 * never acknowledged before it is durable.
 */
@Module({
  controllers: [WechatpayNotificationController, AlipayNotificationController, VerifyPaymentController],
  providers: [
    NotificationNonceRepository,
    NotificationClaimRepository,
    PaymentNotificationRepository,
    ExpectedPaymentRepository,
    DurableNotificationIntake,
    PaymentNotificationHandler,
    NoncePruner,
    WechatpayTransactionQueryClient,
    AlipayTradeQueryClient,
    PaymentConfirmationService,
    ConfirmationWorker,
    PaymentVerificationService,
  ],
  exports: [ExpectedPaymentRepository, PaymentNotificationRepository, PaymentConfirmationService, DurableNotificationIntake, ConfirmationWorker],
})
export class PaymentsModule {}
