import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { Topics } from '@oms/contracts';
import { KafkaMessageContext } from '@oms/nest-kit';
import { InputRecorderService, type InputMessage } from './input-recorder.service';

/**
 * The four input topics. Order log: OrderPaid, PaymentConfirmed, refunds, reservation outcomes,
 * ReviewItemRaised. Payments: the provider's notifications, query answers and refund results with
 * their raw messages. Bank statements: BankStatementLine. Fulfilment: InventoryReservationResult.
 */
@Controller()
export class InputTopicsHandler {
  constructor(private readonly recorder: InputRecorderService) {}

  @EventPattern(Topics.orderEvents)
  orderEvent(@Payload() message: InputMessage, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    return this.recorder.recordFact(message, context.getTransaction());
  }

  @EventPattern(Topics.ingressPayments)
  payment(@Payload() message: InputMessage, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    return this.recorder.recordFact(message, context.getTransaction());
  }

  @EventPattern(Topics.fulfillmentEvents)
  fulfillmentEvent(@Payload() message: InputMessage, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    return this.recorder.recordFact(message, context.getTransaction());
  }

  @EventPattern(Topics.ingressBankStatements)
  bankLine(@Payload() message: InputMessage, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    return this.recorder.recordBankLine(message, context.getTransaction());
  }
}
