import type { OrderLine } from '@oms/contracts';
import type { FieldReader } from './field-reader';

/** The totals of a ChannelOrder, derived from its lines. */
export interface OrderTotals {
  itemsTotal: number;
  discountTotal: number;
  shippingFee: number;
  payableTotal: number;
}

/**
 * Derives the totals (itemsTotal = Σ quantity × unitPrice; payableTotal = itemsTotal −
 * discountTotal + shippingFee, as the ChannelOrder schema defines them) and checks them against
 * what the channel stated: a payload whose numbers do not add up is refused, naming the field.
 */
export function checkedTotals(
  reader: FieldReader,
  lines: readonly OrderLine[],
  stated: { discountTotal: number; shippingFee: number; payableTotal: number; payableField: string },
): OrderTotals {
  const itemsTotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const payableTotal = itemsTotal - stated.discountTotal + stated.shippingFee;
  if (reader.problems.length === 0 && payableTotal !== stated.payableTotal) {
    reader.report(stated.payableField, `states ${stated.payableTotal} but items ${itemsTotal} − discounts ${stated.discountTotal} + shipping ${stated.shippingFee} = ${payableTotal} (minor units)`);
  }
  return { itemsTotal, discountTotal: stated.discountTotal, shippingFee: stated.shippingFee, payableTotal: stated.payableTotal };
}
