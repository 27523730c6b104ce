import { randomUUID } from 'node:crypto';
import { fenToYuanText, shopifyWebhookHmac } from '@oms/payment-protocols';
import { beijingIso, payableOf, type SignedWebhook, type SimulatedOrder } from './simulated-order';

/** A Shopify `orders/create` webhook of the order, signed with `X-Shopify-Hmac-Sha256`. */
export function shopifyOrderWebhook(order: SimulatedOrder, secret: string, shopDomain = 'qingye-tea.myshopify.com'): SignedWebhook {
  const discount = order.lines.reduce((sum, line) => sum + line.discount, 0);
  const payload = {
    id: Number(order.channelOrderId),
    name: `#${order.channelOrderId.slice(-4)}`,
    created_at: beijingIso(order.createdAtMs),
    processed_at: beijingIso(order.createdAtMs + 60_000),
    currency: 'CNY',
    financial_status: 'paid',
    total_price: fenToYuanText(payableOf(order)),
    total_discounts: fenToYuanText(discount),
    total_shipping_price_set: { shop_money: { amount: fenToYuanText(order.shippingFee), currency_code: 'CNY' } },
    source_name: 'web',
    landing_site: '/products/tea?utm_source=simulator&utm_medium=cpc&utm_campaign=load_test',
    discount_applications: discount > 0 ? [{ type: 'discount_code', code: 'SIM10', value: fenToYuanText(discount), value_type: 'fixed_amount' }] : [],
    customer: { id: Number(order.buyer.id.replace(/\D/g, '').slice(0, 15) || '1'), phone: order.buyer.phone },
    line_items: order.lines.map((line, index) => ({
      id: Number(`${order.channelOrderId.slice(-9)}${index + 1}`),
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      price: fenToYuanText(line.unitPrice),
      discount_allocations: line.discount > 0 ? [{ amount: fenToYuanText(line.discount), discount_application_index: 0 }] : [],
    })),
    shipping_address: { name: order.buyer.name, phone: order.buyer.phone, address1: `${order.address.district}${order.address.detail}`, city: order.address.city, province: 'Zhejiang', province_code: 'ZJ', country_code: 'CN', zip: '310012' },
  };
  const body = JSON.stringify(payload);
  return {
    channel: 'shopify',
    body,
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': 'orders/create',
      'x-shopify-shop-domain': shopDomain,
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-api-version': '2024-04',
      'x-shopify-hmac-sha256': shopifyWebhookHmac(body, secret),
    },
  };
}
