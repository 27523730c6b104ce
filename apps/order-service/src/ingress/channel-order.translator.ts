import type { ChannelOrder } from '@oms/contracts';
import type { PlaceOrder } from '@oms/order-domain';
import { fromAvroActor } from '../mapping/actor.mapper';
import { fromAvroAddress } from '../mapping/address.mapper';
import { fromAvroLines } from '../mapping/order-line.mapper';
import { domainAttributionOf, domainPromotionOf } from '../mapping/promotion.mapper';
import type { OrderCommandRequest } from '../orders/command-request';
import { orderIdOf } from '../orders/order-id';
import type { CommandContext } from './command-context';

/**
 * ChannelOrder → PlaceOrder. The order id is derived from channel + channel order id, the
 * estimate uses the configured average ship duration, and the channel order rides along as
 * enrichment so `OrderPlaced` keeps what the domain does not model (shop, out_trade_no, titles…).
 */
export function placeOrderRequest(order: ChannelOrder, context: CommandContext, averageShipDuration: string, source: string): OrderCommandRequest {
  const command: PlaceOrder = {
    type: 'PlaceOrder',
    data: {
      orderId: orderIdOf(order.channel, order.channelOrderId),
      commandId: context.commandId,
      occurredAt: context.occurredAt,
      occurredAtText: context.occurredAtText,
      channel: order.channel,
      channelOrderId: order.channelOrderId,
      customerId: order.customerId,
      phone: order.recipientPhone,
      address: fromAvroAddress(order.shippingAddress, order.recipientName),
      // No fapiao requested: the recipient stands in (the domain requires a title; OrderPlaced then has invoice null).
      invoiceTitle: order.invoice?.title ?? order.recipientName,
      lines: fromAvroLines(order.lines),
      totalAmount: order.payableTotal,
      currency: order.currency,
      promotion: domainPromotionOf(order.promotions),
      attribution: order.attribution && domainAttributionOf(order.attribution),
      createdBy: fromAvroActor(order.createdBy),
      averageShipDuration,
    },
  };
  return { command, enrichment: { channelOrder: order, averageShipDuration }, metadata: context.metadata, source };
}
