import type { PoolClient } from 'pg';
import { asTransientIfLockTimeout } from '../orders/concurrency-retry';
import type { OrderCommandService } from '../orders/order-command.service';
import { placeOrderRequest } from './channel-order.translator';
import { commandContextOf } from './command-context';
import { expectRecord, type IngressMessage } from './ingress-record';
import type { PaymentIngressService } from './payment-ingress.service';

/**
 * Channel orders on `oms.ingress.orders.v1` → PlaceOrder; then the order's out_trade_no is
 * routed to it and any payment that arrived first is decided — all in the batch transaction.
 */
export class OrderPlacementService {
  constructor(
    private readonly orders: OrderCommandService,
    private readonly payments: PaymentIngressService,
    private readonly averageShipDuration: string,
  ) {}

  async handle(message: IngressMessage, client: PoolClient): Promise<void> {
    const { value: order } = expectRecord(message, 'ChannelOrder');
    const context = commandContextOf(message, `channel:${order.channel}`);
    const request = placeOrderRequest(order, context, this.averageShipDuration, message.topic);
    const outcome = await this.orders.execute(request, client);
    if (outcome.kind !== 'accepted' || !order.outTradeNo) return;
    await this.payments.releaseParked(order.outTradeNo, request.command.data.orderId, client).catch((error: unknown) => {
      throw asTransientIfLockTimeout(error); // another order claiming the same out_trade_no, uncommitted
    });
  }
}
