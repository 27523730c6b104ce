import fc from 'fast-check';
import type { SkuCatalogEntry } from '../catalog/fulfilment-vector';
import type { PlanningOrder } from '../planning/dispatch-input';
import { ADDRESS, INVOICE_TITLE, MINUTE, PHONE, T0 } from './dispatch-fixtures';

/** A random planning case: a catalog's entries, a customer's orders over them and the anchor. Test-only. */
export interface PlanningCase {
  readonly entries: SkuCatalogEntry[];
  readonly orders: PlanningOrder[];
  readonly anchorOrderId: string;
}

const WAREHOUSES = ['WH-A', 'WH-B', 'WH-C', 'WH-D'];
const SLA_HOURS = [12, 24, 48, 72];

const vector = fc.record({
  warehouseId: fc.constantFrom(...WAREHOUSES),
  slaHours: fc.constantFrom(...SLA_HOURS),
  minPackageWeight: fc.integer({ min: 0, max: 5000 }),
  customsClearanceRequired: fc.boolean(),
});

/** Phones of one consignee in the forms channels send them. */
const samePhone = fc.constantFrom(PHONE, '138****8000', '+86 138 0013 8000', '１３８００１３８０００');

function orderArbitrary(index: number, skuCount: number): fc.Arbitrary<PlanningOrder> {
  const lineArb = fc.record({ skuIndex: fc.nat(skuCount - 1), quantity: fc.integer({ min: 1, max: 20 }) });
  return fc.record({
    minute: fc.integer({ min: 0, max: 90 }),
    paidAfter: fc.integer({ min: 0, max: 5 * MINUTE }),
    lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
    customerId: fc.constantFrom('cust-42', 'cust-42', 'cust-42', 'cust-7'),
    phone: samePhone,
  }).map(({ minute, paidAfter, lines, customerId, phone }) => ({
    orderId: `o-${index + 1}`, customerId, placedAt: T0 + minute * MINUTE, paidAt: T0 + minute * MINUTE + paidAfter,
    shippingAddress: ADDRESS, recipientPhone: phone, invoiceTitle: INVOICE_TITLE,
    lines: lines.map(({ skuIndex, quantity }, lineIndex) => ({ lineId: `l-${lineIndex + 1}`, sku: `SKU-${skuIndex}`, quantity })),
  }));
}

/** Random catalogs of 1–25 SKUs and 1–4 orders of (mostly) one customer, 0–90 minutes apart. */
export const planningCase: fc.Arbitrary<PlanningCase> = fc
  .record({ vectors: fc.array(vector, { minLength: 1, maxLength: 25 }), orderCount: fc.integer({ min: 1, max: 4 }) })
  .chain(({ vectors, orderCount }) =>
    fc.record({
      orders: fc.tuple(...Array.from({ length: orderCount }, (_, index) => orderArbitrary(index, vectors.length))),
      anchor: fc.nat(orderCount - 1),
    }).map(({ orders, anchor }) => ({
      entries: vectors.map((v, index) => ({ sku: `SKU-${index}`, ...v })),
      orders,
      anchorOrderId: orders[anchor].orderId,
    })),
  );

/** The same orders with orders and lines in another sequence. */
export function shuffledOrders(orders: readonly PlanningOrder[]): fc.Arbitrary<PlanningOrder[]> {
  const reorderedLines = fc.tuple(...orders.map((order) => permutationOf([...order.lines])));
  return fc.tuple(permutationOf(orders.map((_, index) => index)), reorderedLines).map(([sequence, lines]) =>
    sequence.map((index) => ({ ...orders[index], lines: lines[index] })),
  );
}

function permutationOf<T>(items: T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
}
