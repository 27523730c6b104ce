import type { DispatchDecision, SkuCatalog } from '@oms/dispatch-domain';

/** Running count of planned lines and of those routed by their SKU's vector. */
export interface RoutingTally {
  right: number;
  lines: number;
  notProposed: number;
}

/** Adds one decision to the tally: a line is right when its sub-order has its SKU's warehouse, SLA and customs status. */
export function routingCheck(decision: DispatchDecision, catalog: SkuCatalog, tally: RoutingTally): void {
  if (decision.outcome !== 'PROPOSED') {
    tally.notProposed += 1;
    return;
  }
  for (const subOrder of decision.plan.subOrders) {
    for (const line of subOrder.lines) {
      const entry = catalog.entry(line.sku);
      tally.lines += 1;
      const right = entry?.warehouseId === subOrder.warehouseId && entry.slaHours === subOrder.slaHours && entry.customsClearanceRequired === subOrder.customsClearanceRequired;
      if (right) tally.right += 1;
    }
  }
}
