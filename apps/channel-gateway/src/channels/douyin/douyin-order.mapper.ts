import type { Attribution, ChannelOrder, OrderLine } from '@oms/contracts';
import { channelOrderEnvelope, type ReceivedPayload } from '../common/channel-order-envelope';
import { chinaAddress } from '../common/chinese-address';
import type { FieldReader } from '../common/field-reader';
import { unixSecondsInstant } from '../common/iso-instant';
import { checkedTotals } from '../common/order-totals';
import { douyinPromotions } from './douyin-promotions.mapper';
import trafficSources from './douyin-traffic-sources.data.json';

const SOURCES = trafficSources as Readonly<Record<string, string>>;
const UNIX = 'expected Unix seconds';

function douyinLine(sku: FieldReader): OrderLine {
  const quantity = sku.integer('item_num', 1);
  // origin_amount is the list price of the whole line (单价 × 数量) in fen.
  const lineList = sku.integer('origin_amount');
  if (quantity > 0 && lineList % quantity !== 0) sku.report('origin_amount', `is not a multiple of item_num ${quantity}`);
  const unitPrice = quantity > 0 ? Math.floor(lineList / quantity) : 0;
  const discountAmount = sku.integer('promotion_amount');
  const specs = sku.array('spec').map((spec) => spec.string('value'));
  return {
    lineId: sku.id('order_id'),
    sku: sku.string('out_sku_id'),
    channelSkuId: sku.id('sku_id'),
    title: [sku.string('product_name'), ...specs].join(' '),
    quantity,
    unitPrice,
    discountAmount,
    paidAmount: quantity * unitPrice - discountAmount,
  };
}

function douyinAttribution(first: FieldReader | undefined): Attribution | null {
  if (!first) return null;
  const theme = first.optionalString('theme_type_desc');
  const live = theme === '直播';
  return {
    trafficSource: theme ? (SOURCES[theme] ?? theme) : null,
    campaignId: null,
    contentId: live ? first.optionalId('room_id') : first.optionalId('video_id'),
    creatorId: first.optionalId('author_id'),
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    referringSite: null,
    landingSite: null,
  };
}

/**
 * Douyin shop (抖店) order detail (`order.orderDetail` → `shop_order_detail`) → ChannelOrder.
 * Amounts are already fen; times are Unix seconds (written back as +08:00); the buyer's name and
 * phone are the channel's masked forms; Douyin collects the money, so there is no out_trade_no.
 */
export function mapDouyinOrder(body: FieldReader, context: ReceivedPayload): ChannelOrder {
  const order = body.object('shop_order_detail');
  const skus = order.array('sku_order_list', 1);
  const lines = skus.map(douyinLine);
  const address = order.object('post_addr');
  const createdAt = order.convert('create_time', UNIX, unixSecondsInstant);
  const paidAt = order.has('pay_time') ? order.convert('pay_time', UNIX, unixSecondsInstant) : null;
  const customerId = order.string('doudian_open_id');
  const totals = checkedTotals(order, lines, {
    discountTotal: order.integer('promotion_amount'),
    shippingFee: order.integer('post_amount'),
    payableTotal: order.integer('order_amount'),
    payableField: 'order_amount',
  });
  return channelOrderEnvelope(
    {
      channel: 'DOUYIN',
      channelOrderId: order.id('order_id'),
      shopId: order.id('shop_id'),
      channelStatus: String(order.integer('order_status')),
      customerId,
      recipientName: order.string('mask_post_receiver'),
      recipientPhone: order.string('mask_post_tel'),
      shippingAddress: chinaAddress({
        province: address.object('province').string('name'),
        city: address.object('city').string('name'),
        district: address.object('town').string('name'),
        street: address.optionalObject('street')?.optionalString('name'),
        detail: address.string('detail'),
      }),
      lines,
      totals,
      promotions: douyinPromotions(order),
      attribution: douyinAttribution(skus[0]),
      createdAt,
      paidAt,
      buyerMessage: order.optionalString('buyer_words'),
    },
    context,
  );
}
