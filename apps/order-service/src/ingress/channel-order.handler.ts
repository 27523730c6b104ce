import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { Topics } from '@oms/contracts';
import { KafkaMessageContext } from '@oms/nest-kit';
import type { IngressMessage } from './ingress-record';
import { OrderPlacementService } from './order-placement.service';

/** `oms.ingress.orders.v1` (ChannelOrder, key channel:channelOrderId) → PlaceOrder. */
@Controller()
export class ChannelOrderHandler {
  constructor(private readonly placement: OrderPlacementService) {}

  @EventPattern(Topics.ingressOrders)
  handle(@Payload() message: IngressMessage, @Ctx() context: KafkaMessageContext<PoolClient>): Promise<void> {
    return this.placement.handle(message, context.getTransaction());
  }
}
