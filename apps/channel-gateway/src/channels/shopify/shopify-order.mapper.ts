import type { ChannelOrder } from '@oms/contracts';
import { channelOrderEnvelope } from '../common/channel-order-envelope';
import type { FieldReader } from '../common/field-reader';
import { isoInstant } from '../common/iso-instant';
import { utmOfLanding } from '../common/landing-attribution';
import { decimalTextToMinor } from '../common/money';
import { checkedTotals } from '../common/order-totals';
import { shopifyAddress, shopifyInvoice } from './shopify-address.mapper';
import { shopifyLines, shopifyPromotions } from './shopify-lines.mapper';

/** Facts about the webhook that are not in its body. */
export interface ShopifyWebhookContext {
  /** `X-Shopify-Shop-Domain`, e.g. `qingye-tea.myshopify.com`: the shop id. */
  shopDomain: string;
  rawPayload: string;
  receivedAtMs: number;
}

const MONEY = 'expected a decimal amount text such as "128.00"';
const ISO = 'expected ISO-8601 with an offset';

/**
 * Shopify `orders/create` (REST webhook payload) → ChannelOrder. Money is decimal text → minor
 * units exactly; Shopify collects the money itself, so there is no out_trade_no; first-touch
 * UTM tags come from `landing_site`.
 */
export function mapShopifyOrder(order: FieldReader, context: ShopifyWebhookContext): ChannelOrder {
  const { lines, allocated } = shopifyLines(order);
  const customer = order.object('customer');
  const address = order.object('shipping_address');
  const createdAt = order.convert('created_at', ISO, isoInstant);
  const status = order.string('financial_status');
  const paidAt = status === 'paid' ? order.convert('processed_at', ISO, isoInstant) : null;
  const landingSite = order.optionalString('landing_site');
  const customerId = customer.id('id');
  const totals = checkedTotals(order, lines, {
    discountTotal: order.convert('total_discounts', MONEY, decimalTextToMinor) ?? 0,
    shippingFee: order.object('total_shipping_price_set').object('shop_money').convert('amount', MONEY, decimalTextToMinor) ?? 0,
    payableTotal: order.convert('total_price', MONEY, decimalTextToMinor) ?? 0,
    payableField: 'total_price',
  });
  return channelOrderEnvelope(
    {
      channel: 'SHOPIFY',
      channelOrderId: order.id('id'),
      channelOrderName: order.optionalString('name'),
      shopId: context.shopDomain,
      channelStatus: status,
      customerId,
      recipientName: address.string('name'),
      recipientPhone: address.optionalString('phone') ?? customer.string('phone'),
      shippingAddress: shopifyAddress(address),
      invoice: shopifyInvoice(order),
      lines,
      currency: order.string('currency'),
      totals,
      promotions: shopifyPromotions(order, allocated),
      attribution: {
        trafficSource: order.optionalString('source_name'),
        campaignId: null,
        contentId: null,
        creatorId: null,
        ...utmOfLanding(landingSite),
        referringSite: order.optionalString('referring_site'),
        landingSite,
      },
      createdAt,
      paidAt,
      buyerMessage: order.optionalString('note'),
    },
    context,
  );
}
