import { miniprogramOrderSignature } from '@oms/payment-protocols';
import { beijingIso, payableOf, type SignedWebhook, type SimulatedOrder } from './simulated-order';

/** Our mini-program back end's order webhook, signed `x-oms-signature` over timestamp + "." + body. */
export function miniprogramOrderWebhook(order: SimulatedOrder, secret: string, shopId = 'mp-shop-hz-001'): SignedWebhook {
  const payload = {
    order_no: order.channelOrderId,
    shop_id: shopId,
    status: 'WAIT_PAY',
    out_trade_no: order.outTradeNo,
    create_time: beijingIso(order.createdAtMs),
    buyer: { openid: order.buyer.id, nickname: order.buyer.nickname },
    consignee: { name: order.buyer.name, phone: order.buyer.phone, province: order.address.province, city: order.address.city, district: order.address.district, detail: order.address.detail },
    items: order.lines.map((line, index) => ({ line_no: `L${index + 1}`, sku_code: line.sku, name: line.title, quantity: line.quantity, unit_price_fen: line.unitPrice, discount_fen: line.discount })),
    coupons: order.lines.some((line) => line.discount > 0)
      ? [{ coupon_id: 'SIM-COUPON', type: 'COUPON', name: '模拟优惠券', amount_fen: order.lines.reduce((sum, line) => sum + line.discount, 0), funded_by: 'MERCHANT' }]
      : [],
    shipping_fee_fen: order.shippingFee,
    total_fee: payableOf(order),
    source: { traffic_source: 'SIMULATOR', utm_source: 'simulator', utm_medium: 'mini_program', utm_campaign: 'e2e' },
  };
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { channel: 'miniprogram', body, headers: { 'content-type': 'application/json', 'x-oms-timestamp': timestamp, 'x-oms-signature': miniprogramOrderSignature(timestamp, body, secret) } };
}
