import type { DispatchSubOrder } from '@oms/contracts';
import { formatShanghaiTime } from '@oms/fulfillment-domain';
import type { WaybillRequest } from '../carriers/carrier-adapter';
import type { Consignee } from '../orders/consignee.repository';

/** Carrier used for a sub-order whose plan fixes none. */
export const DEFAULT_CARRIER = 'SF' as const;

/** Standard transit allowance added to a sub-order's ship SLA for its delivery deadline. */
const TRANSIT_HOURS = 72;
const GRAMS_PER_UNIT_FALLBACK = 500;

/**
 * The waybill request of one sub-order, with the documented extended fields. The delivery deadline
 * is the plan's time + the sub-order's ship SLA + the standard transit allowance.
 */
export function waybillRequestOf(plan: { orderId: string; dispatchPlanId: string; occurredAt: number }, subOrder: DispatchSubOrder, consignee: Consignee, phoneVerified: boolean): WaybillRequest {
  const units = subOrder.lines.reduce((sum, line) => sum + line.quantity, 0);
  return {
    orderId: plan.orderId,
    carrier: subOrder.carrier ?? DEFAULT_CARRIER,
    merchantOrderRef: `${plan.dispatchPlanId}-${subOrder.subOrderId}`,
    warehouseId: subOrder.warehouseId,
    consignee,
    extended: {
      consignee_phone_verified: phoneVerified,
      delivery_deadline: formatShanghaiTime(plan.occurredAt + (subOrder.slaHours + TRANSIT_HOURS) * 3_600_000),
      dispatch_plan_id: plan.dispatchPlanId,
      sub_order_id: subOrder.subOrderId,
      sla_hours: subOrder.slaHours,
      customs_clearance_required: subOrder.customsClearanceRequired,
      declared_weight_grams: Math.max(subOrder.minPackageWeightGrams, units * GRAMS_PER_UNIT_FALLBACK),
    },
  };
}
