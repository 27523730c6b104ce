import type { DispatchInput, PlanningOrder, SkuCatalog } from '@oms/dispatch-domain';
import { between, pick } from './seeded-random';

const PROVINCES: [string, string, string][] = [['浙江省', '杭州市', '西湖区'], ['北京市', '北京市', '朝阳区'], ['广东省', '深圳市', '南山区']];
const T0 = Date.parse('2026-01-20T14:22:03.000+08:00');

/** An order of `lineCount` lines of random catalog SKUs (a merged cart spanning warehouses). */
export function generateOrder(random: () => number, orderId: string, lineCount: number, skuCount: number, minute = 0): PlanningOrder {
  const [province, city, district] = pick(random, PROVINCES);
  return {
    orderId, customerId: `cust-${orderId}`, placedAt: T0 + minute * 60_000, paidAt: T0 + minute * 60_000 + 2_000,
    shippingAddress: { province, city, district, street: null, detail: `文三路${between(random, 1, 999)}号华星科技大厦${between(random, 1, 30)}01室` },
    recipientPhone: '138****8000', invoiceTitle: '杭州某某眼镜有限公司',
    lines: Array.from({ length: lineCount }, (_, index) => ({
      lineId: `l-${index + 1}`, sku: `SKU-${String(between(random, 0, skuCount - 1)).padStart(6, '0')}`, quantity: between(random, 1, 5),
    })),
  };
}

/** A decision input for `orders` (the first is the anchor). */
export function inputFor(orders: PlanningOrder[], catalog: SkuCatalog, decidedAt = T0 + 30_000): DispatchInput {
  return { orderId: orders[0].orderId, orders, catalog, planIdSeed: 'bench', decidedAt };
}

/** Three orders of one customer within 10 minutes, 1–20 lines each: the related-orders path. */
export function generateRelatedOrders(random: () => number, prefix: string, skuCount: number): PlanningOrder[] {
  const first = generateOrder(random, `${prefix}-a`, between(random, 1, 20), skuCount, 0);
  return [0, 4, 9].map((minute, index) => ({
    ...generateOrder(random, `${prefix}-${'abc'[index]}`, between(random, 1, 20), skuCount, minute),
    customerId: first.customerId, shippingAddress: first.shippingAddress,
  }));
}
