import type { OrderLine as AvroOrderLine, StockLine } from '@oms/contracts';
import type { OrderLine } from '@oms/order-domain';

/**
 * Domain lines as Avro lines. The domain keeps SKU, quantity and unit price; title, channel SKU
 * id and the discount share come from `known` (the lines as placed) when the line is unchanged,
 * else the SKU stands in for the title and the line is undiscounted.
 */
export function toAvroLines(lines: readonly OrderLine[], known: readonly AvroOrderLine[] = []): AvroOrderLine[] {
  return lines.map((line) => {
    const same = known.find((candidate) => candidate.lineId === line.lineId && candidate.sku === line.sku);
    const unchanged = same && same.quantity === line.quantity && same.unitPrice === line.unitPrice;
    const { lineId, sku, quantity, unitPrice } = line;
    if (unchanged) return { ...same, lineId, sku, quantity, unitPrice };
    return { lineId, sku, channelSkuId: same?.channelSkuId ?? null, title: same?.title ?? sku, quantity, unitPrice, discountAmount: 0, paidAmount: quantity * unitPrice };
  });
}

/** Avro lines as the domain keeps them. */
export function fromAvroLines(lines: readonly AvroOrderLine[]): OrderLine[] {
  return lines.map(({ lineId, sku, quantity, unitPrice }) => ({ lineId, sku, quantity, unitPrice }));
}

/** Lines as stock to reserve; the warehouse comes from `known` (the warehouse's answer) when it names one. */
export function toStockLines(lines: readonly OrderLine[], known: readonly StockLine[] = []): StockLine[] {
  return lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity, warehouseId: known.find((line) => line.lineId === lineId)?.warehouseId ?? null }));
}
