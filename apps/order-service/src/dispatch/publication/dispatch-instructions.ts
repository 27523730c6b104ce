import type { DispatchInstruction } from '@oms/contracts';
import type { DispatchPlan } from '@oms/dispatch-domain';
import { formatIsoDateTime } from '@oms/order-domain';
import type { ReadyOrderFacts } from '../planning/ready-order.facts';
import type { At } from '../trail/trail-records';

/** Record name of the `oms.dispatch.v1` records (the outbox routes events of this type there). */
export const DISPATCH_INSTRUCTION = 'DispatchInstruction';

/** SLA deadlines are shown in Beijing time (Asia/Shanghai, +08:00, no daylight saving), the warehouses' clock. */
function shanghaiText(epochMs: number): string {
  return formatIsoDateTime({ epochMs, offsetMinutes: 480, offsetText: '+08:00' });
}

/**
 * One `DispatchInstruction` per sub-order of an issued plan version, strictest SLA first, for
 * WMS/TMS. The consignee is the anchor order's (the one whose readiness triggered planning):
 * related orders are grouped only when their addresses and phones agree.
 */
export function dispatchInstructions(plan: DispatchPlan, anchor: ReadyOrderFacts, issuedAt: At): DispatchInstruction[] {
  return plan.subOrders.map((subOrder, index) => ({
    dispatchPlanId: plan.dispatchPlanId,
    planVersion: plan.version,
    previousPlanVersion: plan.previousVersion,
    subOrderIndex: index + 1,
    subOrderCount: plan.subOrders.length,
    subOrder: {
      subOrderId: subOrder.subOrderId, warehouseId: subOrder.warehouseId, slaHours: subOrder.slaHours,
      customsClearanceRequired: subOrder.customsClearanceRequired, minPackageWeightGrams: subOrder.minPackageWeightGrams,
      carrier: subOrder.carrier, lines: subOrder.lines.map(({ orderId, lineId, sku, quantity }) => ({ orderId, lineId, sku, quantity })),
    },
    slaDeadline: subOrder.slaDeadline,
    slaDeadlineText: shanghaiText(subOrder.slaDeadline),
    orderIds: [...plan.orderIds],
    shippingAddress: anchor.shippingAddress,
    recipientName: anchor.recipientName,
    recipientPhone: anchor.planning.recipientPhone,
    catalogVersion: plan.decisionInputs.catalogVersion,
    issuedAt: issuedAt.occurredAt,
    issuedAtText: issuedAt.occurredAtText,
  }));
}
