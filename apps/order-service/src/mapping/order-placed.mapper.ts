import { salesChannelSymbols, type ChannelOrder, type InvoiceRequest, type OrderPlaced as AvroOrderPlaced, type SalesChannel } from '@oms/contracts';
import type { OrderEventOfType } from '@oms/order-domain';
import { fromAvroActor, toAvroActor } from './actor.mapper';
import { fromAvroAddress, toAvroAddress } from './address.mapper';
import { eventOf, metaOf, type EventMapper } from './event-mapper';
import { fromAvroLines, toAvroLines } from './order-line.mapper';
import { domainAttributionOf, domainPromotionOf, toAvroAttribution, toAvroPromotions } from './promotion.mapper';

type OrderPlaced = OrderEventOfType<'OrderPlaced'>;
type Totals = Pick<AvroOrderPlaced, 'itemsTotal' | 'discountTotal' | 'shippingFee' | 'payableTotal'>;

function salesChannelOf(channel: string): SalesChannel {
  if (!(salesChannelSymbols as readonly string[]).includes(channel)) throw new RangeError(`channel "${channel}" is not one of ${salesChannelSymbols.join(', ')}`);
  return channel as SalesChannel;
}

/**
 * The domain's invoice title is required; a channel order without a fapiao request gets the
 * recipient's name (see the channel-order translator). So "no invoice" ↔ title = recipient.
 */
function toAvroInvoice(data: OrderPlaced['data'], order: ChannelOrder | undefined): InvoiceRequest | null {
  if (order?.invoice && order.invoice.title === data.invoiceTitle) return order.invoice;
  if (data.invoiceTitle === data.address.recipientName && !order?.invoice) return null;
  return { titleType: 'PERSONAL', title: data.invoiceTitle, taxpayerId: null, email: null };
}

/** The channel's breakdown when it adds up to the domain's total; otherwise derived from the lines. */
function totalsOf(data: OrderPlaced['data'], order: ChannelOrder | undefined): Totals {
  if (order && order.payableTotal === data.totalAmount) {
    const { itemsTotal, discountTotal, shippingFee } = order;
    return { itemsTotal, discountTotal, shippingFee, payableTotal: data.totalAmount };
  }
  const itemsTotal = data.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const discountTotal = data.promotion?.discountAmount ?? 0;
  return { itemsTotal, discountTotal, shippingFee: data.totalAmount - itemsTotal + discountTotal, payableTotal: data.totalAmount };
}

/** `OrderPlaced`: the channel order's extra facts (shop, out_trade_no, titles, …) come from the enrichment. */
export const orderPlacedMapper: EventMapper<'OrderPlaced'> = {
  toAvro({ data }, { enrichment }) {
    const candidate = enrichment.channelOrder;
    const order = candidate?.channel === data.channel && candidate.channelOrderId === data.channelOrderId ? candidate : undefined;
    const displayName = order?.createdBy.actorId === data.createdBy.actorId ? order.createdBy.displayName : null;
    return {
      ...metaOf(data),
      channel: salesChannelOf(data.channel),
      channelOrderId: data.channelOrderId,
      shopId: order?.shopId ?? '',
      outTradeNo: order?.outTradeNo ?? null,
      customerId: data.customerId,
      recipientName: data.address.recipientName,
      recipientPhone: data.phone,
      shippingAddress: toAvroAddress(data.address, order?.shippingAddress),
      invoice: toAvroInvoice(data, order),
      lines: toAvroLines(data.lines, order?.lines),
      currency: data.currency,
      ...totalsOf(data, order),
      promotions: toAvroPromotions(data.promotion, order?.promotions),
      attribution: toAvroAttribution(data.attribution, order?.attribution),
      buyerMessage: order?.buyerMessage ?? null,
      estimatedShipTime: data.estimatedShipAt,
      estimatedShipTimeText: data.estimatedShipTime,
      averageShipDuration: enrichment.averageShipDuration ?? `PT${(data.estimatedShipAt - data.occurredAt) / 1000}S`,
      createdBy: toAvroActor(data.createdBy, displayName),
      channelCreatedAt: order?.createdAt ?? data.occurredAt,
      channelCreatedAtText: order?.createdAtText ?? data.occurredAtText,
    };
  },

  fromAvro(value) {
    return eventOf('OrderPlaced', {
      ...metaOf(value),
      channel: value.channel,
      channelOrderId: value.channelOrderId,
      customerId: value.customerId,
      phone: value.recipientPhone,
      address: fromAvroAddress(value.shippingAddress, value.recipientName),
      invoiceTitle: value.invoice?.title ?? value.recipientName,
      lines: fromAvroLines(value.lines),
      totalAmount: value.payableTotal,
      currency: value.currency,
      promotion: domainPromotionOf(value.promotions),
      attribution: value.attribution && domainAttributionOf(value.attribution),
      estimatedShipAt: value.estimatedShipTime,
      estimatedShipTime: value.estimatedShipTimeText,
      createdBy: fromAvroActor(value.createdBy),
    });
  },
};
