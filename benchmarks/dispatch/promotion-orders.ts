import { encode, Topics, type ChannelOrder, type OrderLine, type OutgoingMessage } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import { benchOrderIdOf } from '../orders/bench-order-id';
import { digits } from '../orders/bench-orders';
import { between, pick } from './seeded-random';

const REGIONS: ReadonlyArray<readonly [string, string, string]> = [['浙江省', '杭州市', '西湖区'], ['北京市', '北京市', '朝阳区'], ['广东省', '深圳市', '南山区'], ['四川省', '成都市', '武侯区']];
const MINUTE = 60_000;

/** One generated promotion-day order: its id (as the service derives it), lines, and ingress records. */
export interface PromotionOrder {
  orderId: string;
  customerId: string;
  lines: ReadonlyArray<{ lineId: string; sku: string; quantity: number }>;
  messages: OutgoingMessage[];
}

/**
 * The orders of one promotion-day customer: 1–3 orders placed within 10 minutes to one address
 * (the later ones with the phone masked, as platforms send it), 1–`maxLines` lines each of random
 * catalog SKUs — merged carts across warehouses, SLAs and customs status. Each order's channel
 * order, verified notification and query answer are the ingress records; ERP and the warehouse
 * answer the service's events.
 */
export function customerOrders(random: () => number, prefix: string, runId: string, customer: number, skus: readonly string[], maxLines: number, startedAt: number): PromotionOrder[] {
  const [province, city, district] = pick(random, REGIONS);
  const detail = `文三路${between(random, 1, 999)}号华星科技大厦${between(random, 1, 30)}01室`;
  const count = between(random, 1, 3);
  return Array.from({ length: count }, (_, index) => {
    const n = customer * 10 + index;
    const channelOrderId = `PD${runId}${n}`;
    const outTradeNo = `P${runId}N${n}`;
    const transactionId = `42${digits(`${runId}:${n}`, 26)}`;
    const lines: OrderLine[] = Array.from({ length: between(random, 1, maxLines) }, (_, line) => {
      const quantity = between(random, 1, 3);
      return { lineId: `l${line + 1}`, sku: pick(random, skus), channelSkuId: null, title: 'promo item', quantity, unitPrice: 1_000, discountAmount: 0, paidAmount: 1_000 * quantity };
    });
    const createdAt = startedAt - 15 * MINUTE + index * 4 * MINUTE;
    const channelOrder: ChannelOrder = recordFixture('ChannelOrder', {
      channelOrderId, outTradeNo, customerId: `promo-${runId}-${customer}`, createdAt, createdAtText: new Date(createdAt).toISOString(), lines,
      recipientPhone: index === 0 ? '13800138000' : '138****8000',
      shippingAddress: { ...recordFixture('ChannelOrder').shippingAddress, province, city, district, street: null, detail },
    });
    const notification = recordFixture('PaymentNotification', { outTradeNo, transactionId, notificationId: `EV${runId}${n}` });
    const header = (id: string, key: string) => ({ 'message-id': `${id}-${runId}-${n}`, 'correlation-id': key });
    return {
      orderId: benchOrderIdOf('MINI_PROGRAM', channelOrderId),
      customerId: channelOrder.customerId,
      lines: lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity })),
      messages: [
        { topic: `${prefix}${Topics.ingressOrders}`, key: `MINI_PROGRAM:${channelOrderId}`, value: encode('ChannelOrder', channelOrder), headers: header('co', channelOrderId) },
        { topic: `${prefix}${Topics.ingressPayments}`, key: outTradeNo, value: encode('PaymentNotification', notification), headers: header('pn', outTradeNo) },
        { topic: `${prefix}${Topics.ingressPayments}`, key: outTradeNo, value: encode('PaymentConfirmation', recordFixture('PaymentConfirmation', { outTradeNo, transactionId })), headers: header('pc', outTradeNo) },
      ],
    };
  });
}
