import type { AppliedPromotion, ChannelOrder, OrderLine, PromotionFunder } from '@oms/contracts';
import { channelOrderEnvelope, type ReceivedPayload } from '../common/channel-order-envelope';
import { chinaAddress } from '../common/chinese-address';
import type { FieldReader } from '../common/field-reader';
import { beijingLocalInstant } from '../common/iso-instant';
import { yuanNumberToFen } from '../common/money';
import { checkedTotals } from '../common/order-totals';
import promotionTypes from './pinduoduo-promotion-types.data.json';

const PROMOTIONS = promotionTypes as unknown as Readonly<Record<string, { kind: string; fundedBy: PromotionFunder }>>;
const YUAN = 'expected a yuan amount with at most two decimals';
const LOCAL_TIME = 'expected yyyy-MM-dd HH:mm:ss (Beijing time)';

function pinduoduoLine(item: FieldReader, index: number): OrderLine {
  const quantity = item.integer('goods_count', 1);
  const unitPrice = item.convert('goods_price', YUAN, yuanNumberToFen) ?? 0;
  const spec = item.optionalString('goods_spec');
  return {
    // Pinduoduo lines have no id of their own: the position in item_list is stable per order.
    lineId: String(index + 1),
    sku: item.string('outer_id'),
    channelSkuId: item.id('sku_id'),
    title: spec ? `${item.string('goods_name')} ${spec}` : item.string('goods_name'),
    quantity,
    unitPrice,
    // Discounts are order-level at Pinduoduo (promotion_detail_list), not allocated to lines.
    discountAmount: 0,
    paidAmount: quantity * unitPrice,
  };
}

function pinduoduoPromotion(promotion: FieldReader): AppliedPromotion {
  const type = String(promotion.integer('promotion_type'));
  const known = PROMOTIONS[type];
  return {
    promotionId: promotion.string('promotion_id'),
    kind: known?.kind ?? `PDD_${type}`,
    name: promotion.optionalString('promotion_name') ?? known?.kind ?? type,
    discountAmount: promotion.convert('discount_amount', YUAN, yuanNumberToFen) ?? 0,
    fundedBy: known?.fundedBy ?? 'MERCHANT',
  };
}

/**
 * Pinduoduo `pdd.order.information.get` (`order_info`) → ChannelOrder. Amounts are yuan JSON
 * numbers → fen exactly; times are Beijing local text → +08:00; receiver name and phone are the
 * masked forms; Pinduoduo collects the money, so there is no out_trade_no.
 */
export function mapPinduoduoOrder(body: FieldReader, context: ReceivedPayload & { shopId: string }): ChannelOrder {
  const order = body.object('order_info_get_response').object('order_info');
  const lines = order.array('item_list', 1).map(pinduoduoLine);
  const createdAt = order.convert('created_time', LOCAL_TIME, beijingLocalInstant);
  const paidAt = order.has('pay_time') ? order.convert('pay_time', LOCAL_TIME, beijingLocalInstant) : null;
  const orderSn = order.string('order_sn');
  const totals = checkedTotals(order, lines, {
    discountTotal: order.convert('discount_amount', YUAN, yuanNumberToFen) ?? 0,
    shippingFee: order.convert('postage', YUAN, yuanNumberToFen) ?? 0,
    payableTotal: order.convert('pay_amount', YUAN, yuanNumberToFen) ?? 0,
    payableField: 'pay_amount',
  });
  return channelOrderEnvelope(
    {
      channel: 'PINDUODUO',
      channelOrderId: orderSn,
      shopId: context.shopId,
      channelStatus: String(order.integer('order_status')),
      // Pinduoduo does not disclose a buyer id to merchants; the order is its own buyer reference.
      customerId: `pdd-buyer:${orderSn}`,
      recipientName: order.string('receiver_name_mask'),
      recipientPhone: order.string('receiver_phone_mask'),
      shippingAddress: chinaAddress({ province: order.string('province'), city: order.string('city'), district: order.string('town'), detail: order.string('address') }),
      lines,
      totals,
      promotions: order.array('promotion_detail_list').map(pinduoduoPromotion),
      attribution: null,
      createdAt,
      paidAt,
      buyerMessage: order.optionalString('buyer_memo'),
    },
    context,
  );
}
