import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { Topics } from '@oms/contracts';
import { KafkaMessageContext } from '@oms/nest-kit';
import { SandboxAnswerIngress } from '../dispatch/sandbox/sandbox-answer.ingress';
import { FulfilmentIngressService } from './fulfilment-ingress.service';
import type { IngressMessage } from './ingress-record';

/**
 * `oms.ingress.invoices.v1` (InvoiceConfirmation → ConfirmInvoice) and
 * `oms.fulfillment.events.v1` (InventoryReservationResult → ReserveInventoryResult; SandboxValidationResult →
 * the dispatch flow), both keyed by order id.
 */
@Controller()
export class FulfilmentHandler {
  constructor(
    private readonly fulfilment: FulfilmentIngressService,
    private readonly sandboxAnswers: SandboxAnswerIngress,
  ) {}

  @EventPattern(Topics.ingressInvoices)
  invoice(@Payload() message: IngressMessage, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    return this.fulfilment.confirmInvoice(message, context.getTransaction());
  }

  @EventPattern(Topics.fulfillmentEvents)
  reservation(@Payload() message: IngressMessage, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    if (SandboxAnswerIngress.accepts(message)) return this.sandboxAnswers.accept(message, context.getTransaction());
    return this.fulfilment.reserveInventory(message, context.getTransaction());
  }
}
