import type { AppliedPromotion, OrderLine } from '@oms/contracts';
import type { FieldReader } from '../common/field-reader';
import { decimalTextToMinor } from '../common/money';

const MONEY = 'expected a decimal amount text such as "128.00"';

// Shopify discount application types → our open promotion vocabulary.
const PROMOTION_KINDS: Readonly<Record<string, string>> = { discount_code: 'DISCOUNT_CODE', automatic: 'AUTOMATIC', manual: 'MANUAL', script: 'SCRIPT' };

/** Lines and the discount allocated to each (discount_allocations, by application index). */
export function shopifyLines(order: FieldReader): { lines: OrderLine[]; allocated: Map<number, number> } {
  const allocated = new Map<number, number>();
  const lines = order.array('line_items', 1).map((item) => {
    const quantity = item.integer('quantity', 1);
    const unitPrice = item.convert('price', MONEY, decimalTextToMinor) ?? 0;
    let discountAmount = 0;
    for (const allocation of item.array('discount_allocations')) {
      const amount = allocation.convert('amount', MONEY, decimalTextToMinor) ?? 0;
      const index = allocation.integer('discount_application_index');
      allocated.set(index, (allocated.get(index) ?? 0) + amount);
      discountAmount += amount;
    }
    const title = item.string('title');
    const variant = item.optionalString('variant_title');
    return {
      lineId: item.id('id'),
      // The merchant SKU code is what warehouses and fulfilment vectors know: required.
      sku: item.string('sku'),
      channelSkuId: item.optionalId('variant_id'),
      title: variant ? `${title} ${variant}` : title,
      quantity,
      unitPrice,
      discountAmount,
      paidAmount: quantity * unitPrice - discountAmount,
    };
  });
  return { lines, allocated };
}

/** Promotions from discount_applications, each with the amount its allocations sum to. */
export function shopifyPromotions(order: FieldReader, allocated: Map<number, number>): AppliedPromotion[] {
  return order.array('discount_applications').map((application, index) => {
    const code = application.optionalString('code');
    const title = application.optionalString('title');
    const type = application.string('type');
    return {
      promotionId: code ?? title ?? `discount_application_${index}`,
      kind: PROMOTION_KINDS[type] ?? type.toUpperCase(),
      name: title ?? code ?? type,
      discountAmount: allocated.get(index) ?? 0,
      // Shopify discounts are the merchant's own.
      fundedBy: 'MERCHANT',
    };
  });
}
