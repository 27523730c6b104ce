import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { Topics } from '@oms/contracts';
import { KafkaMessageContext } from '@oms/nest-kit';
import type { IngressMessage } from './ingress-record';
import { PaymentIngressService } from './payment-ingress.service';

/**
 * `oms.ingress.payments.v1` (key out_trade_no): PaymentNotification → AcceptPaymentNotification,
 * PaymentConfirmation → ConfirmPayment, RefundResult → CompleteRefund.
 */
@Controller()
export class PaymentHandler {
  constructor(private readonly payments: PaymentIngressService) {}

  @EventPattern(Topics.ingressPayments)
  handle(@Payload() message: IngressMessage, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    return this.payments.handle(message, context.getTransaction());
  }
}
