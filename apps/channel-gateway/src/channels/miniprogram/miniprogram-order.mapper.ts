import { promotionFunderSymbols, type Attribution, type ChannelOrder, type InvoiceRequest, type OrderLine, type PromotionFunder } from '@oms/contracts';
import { channelOrderEnvelope, type ReceivedPayload } from '../common/channel-order-envelope';
import type { FieldReader } from '../common/field-reader';
import { isoInstant } from '../common/iso-instant';
import { checkedTotals } from '../common/order-totals';

const ISO = 'expected ISO-8601 with an offset';

function miniprogramLine(item: FieldReader): OrderLine {
  const quantity = item.integer('quantity', 1);
  const unitPrice = item.integer('unit_price_fen');
  const discountAmount = item.integer('discount_fen');
  if (discountAmount > quantity * unitPrice) item.report('discount_fen', 'exceeds quantity × unit_price_fen');
  return {
    lineId: item.string('line_no'),
    sku: item.string('sku_code'),
    channelSkuId: item.optionalString('sku_id'),
    title: item.string('name'),
    quantity,
    unitPrice,
    discountAmount,
    paidAmount: quantity * unitPrice - discountAmount,
  };
}

function miniprogramInvoice(order: FieldReader): InvoiceRequest | null {
  const invoice = order.optionalObject('invoice');
  if (!invoice) return null;
  const company = invoice.string('title_type') === 'company';
  return { titleType: company ? 'COMPANY' : 'PERSONAL', title: invoice.string('title'), taxpayerId: company ? invoice.string('tax_no') : invoice.optionalString('tax_no'), email: invoice.optionalString('email') };
}

function miniprogramAttribution(order: FieldReader): Attribution | null {
  const source = order.optionalObject('source');
  if (!source) return null;
  return {
    trafficSource: source.optionalString('traffic_source'),
    campaignId: source.optionalString('campaign_id'),
    contentId: source.optionalString('content_id'),
    creatorId: source.optionalString('creator_id'),
    utmSource: source.optionalString('utm_source'),
    utmMedium: source.optionalString('utm_medium'),
    utmCampaign: source.optionalString('utm_campaign'),
    referringSite: null,
    landingSite: source.optionalString('landing_page'),
  };
}

const funder = (value: unknown): PromotionFunder | null => (promotionFunderSymbols.includes(value as PromotionFunder) ? (value as PromotionFunder) : null);

/**
 * Our own mini-program back end's order (a format we define, amounts in fen, ISO-8601 times with
 * offset) → ChannelOrder. The mini-program pays with WeChat Pay under `out_trade_no`, which links
 * the payment notifications to this order.
 */
export function mapMiniprogramOrder(order: FieldReader, context: ReceivedPayload): ChannelOrder {
  const lines = order.array('items', 1).map(miniprogramLine);
  const buyer = order.object('buyer');
  const consignee = order.object('consignee');
  const createdAt = order.convert('create_time', ISO, isoInstant);
  const customerId = buyer.string('openid');
  const nickname = buyer.optionalString('nickname');
  const promotions = order.array('coupons').map((coupon) => ({
    promotionId: coupon.string('coupon_id'),
    kind: coupon.string('type'),
    name: coupon.string('name'),
    discountAmount: coupon.integer('amount_fen'),
    fundedBy: coupon.convert('funded_by', `expected one of ${promotionFunderSymbols.join(', ')}`, funder) ?? 'MERCHANT',
  }));
  const totals = checkedTotals(order, lines, {
    discountTotal: promotions.reduce((sum, promotion) => sum + promotion.discountAmount, 0),
    shippingFee: order.integer('shipping_fee_fen'),
    payableTotal: order.integer('total_fee', 1),
    payableField: 'total_fee',
  });
  return channelOrderEnvelope(
    {
      channel: 'MINI_PROGRAM',
      channelOrderId: order.string('order_no'),
      shopId: order.string('shop_id'),
      channelStatus: order.string('status'),
      outTradeNo: order.optionalString('out_trade_no'),
      customerId,
      customerNickname: nickname,
      recipientName: consignee.string('name'),
      recipientPhone: consignee.string('phone'),
      shippingAddress: {
        countryCode: consignee.optionalString('country_code') ?? 'CN',
        province: consignee.string('province'),
        city: consignee.string('city'),
        district: consignee.string('district'),
        street: consignee.optionalString('street'),
        detail: consignee.string('detail'),
        postalCode: consignee.optionalString('postal_code'),
      },
      invoice: miniprogramInvoice(order),
      lines,
      totals,
      promotions,
      attribution: miniprogramAttribution(order),
      createdAt,
      paidAt: null,
      buyerMessage: order.optionalString('remark'),
    },
    context,
  );
}
