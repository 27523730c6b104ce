import { douyinEventSign, pinduoduoPushSign } from '@oms/payment-protocols';
import { payableOf, type SignedWebhook, type SimulatedOrder } from './simulated-order';

const beijingLocal = (epochMs: number): string => new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/** A Douyin shop order detail push, signed `event-sign` (HMAC-SHA256 over app_key + body + app_secret). */
export function douyinOrderWebhook(order: SimulatedOrder, appKey: string, appSecret: string): SignedWebhook {
  const discount = order.lines.reduce((sum, line) => sum + line.discount, 0);
  const payload = {
    shop_order_detail: {
      order_id: order.channelOrderId,
      shop_id: 4463798,
      doudian_open_id: order.buyer.id,
      order_status: 2,
      create_time: Math.floor(order.createdAtMs / 1000),
      pay_time: Math.floor(order.createdAtMs / 1000) + 60,
      order_amount: payableOf(order),
      pay_amount: payableOf(order),
      post_amount: order.shippingFee,
      promotion_amount: discount,
      mask_post_receiver: `${order.buyer.name.slice(0, 1)}*${order.buyer.name.slice(2)}`,
      mask_post_tel: `${order.buyer.phone.slice(0, 3)}****${order.buyer.phone.slice(-4)}`,
      post_addr: { province: { name: order.address.province }, city: { name: order.address.city }, town: { name: order.address.district }, detail: order.address.detail },
      sku_order_list: order.lines.map((line, index) => ({
        order_id: `${order.channelOrderId}${index + 1}`,
        product_name: line.title,
        sku_id: 1733512345678900 + index,
        out_sku_id: line.sku,
        spec: [],
        item_num: line.quantity,
        origin_amount: line.quantity * line.unitPrice,
        promotion_amount: line.discount,
        pay_amount: line.quantity * line.unitPrice - line.discount,
        theme_type_desc: '直播',
        room_id: '7380011223344556677',
        author_id: 68123456789,
      })),
    },
  };
  const body = JSON.stringify(payload);
  return { channel: 'douyin', body, headers: { 'content-type': 'application/json', 'sign-method': 'hmac-sha256', 'event-sign': douyinEventSign(body, appKey, appSecret), 'app-id': appKey } };
}

/** A Pinduoduo `order_info` relay, signed `x-pdd-sign`. Amounts are yuan numbers, as Pinduoduo sends them. */
export function pinduoduoOrderWebhook(order: SimulatedOrder, clientSecret: string, mallId = '512345678'): SignedWebhook {
  const yuan = (fen: number) => fen / 100;
  const discount = order.lines.reduce((sum, line) => sum + line.discount, 0);
  const payload = {
    order_info_get_response: {
      order_info: {
        order_sn: order.channelOrderId,
        order_status: 1,
        created_time: beijingLocal(order.createdAtMs),
        pay_time: beijingLocal(order.createdAtMs + 60_000),
        receiver_name_mask: `${order.buyer.name.slice(0, 1)}**`,
        receiver_phone_mask: `${order.buyer.phone.slice(0, 3)}****${order.buyer.phone.slice(-4)}`,
        province: order.address.province,
        city: order.address.city,
        town: order.address.district,
        address: order.address.detail,
        discount_amount: yuan(discount),
        postage: yuan(order.shippingFee),
        pay_amount: yuan(payableOf(order)),
        promotion_detail_list: discount > 0 ? [{ promotion_id: 'SIM-PDD-COUPON', promotion_type: 1, promotion_name: '店铺券', discount_amount: yuan(discount) }] : [],
        item_list: order.lines.map((line, index) => ({ sku_id: 1234500000000 + index, outer_id: line.sku, goods_name: line.title, goods_count: line.quantity, goods_price: yuan(line.unitPrice) })),
      },
    },
  };
  const body = JSON.stringify(payload);
  return { channel: 'pinduoduo', body, headers: { 'content-type': 'application/json', 'x-pdd-mall-id': mallId, 'x-pdd-sign': pinduoduoPushSign(body, clientSecret) } };
}
