import type { DispatchPlanned } from '@oms/contracts';
import { canonicalJson } from '../determinism/canonical-json';
import type { DispatchPlan } from './dispatch-plan';

/** What the service adds when it publishes an issued plan. */
export interface PublicationFacts {
  /** The order stream the event goes on: any order of the plan (each gets its own `relatedOrderIds`). */
  readonly orderId: string;
  readonly occurredAt: number;
  readonly occurredAtText: string;
  readonly sandboxValidated: boolean;
}

/**
 * The Avro `DispatchPlanned` record (order-events/DispatchPlanned.avsc) of an issued plan, as
 * published on `oms.order.events.v1` and `oms.dispatch.v1`. `decisionInputs` is the canonical JSON
 * of what the decision read, so scanning the plan id back shows why it was routed so.
 * Throws if `facts.orderId` is not an order of the plan (a wiring bug, not a business case).
 */
export function toDispatchPlannedRecord(plan: DispatchPlan, facts: PublicationFacts): DispatchPlanned {
  if (!plan.orderIds.includes(facts.orderId)) throw new Error(`order ${facts.orderId} is not in plan ${plan.dispatchPlanId}`);
  return {
    orderId: facts.orderId,
    occurredAt: facts.occurredAt,
    occurredAtText: facts.occurredAtText,
    dispatchPlanId: plan.dispatchPlanId,
    planVersion: plan.version,
    previousPlanVersion: plan.previousVersion,
    relatedOrderIds: plan.orderIds.filter((orderId) => orderId !== facts.orderId),
    subOrders: plan.subOrders.map((subOrder) => ({
      subOrderId: subOrder.subOrderId,
      warehouseId: subOrder.warehouseId,
      slaHours: subOrder.slaHours,
      customsClearanceRequired: subOrder.customsClearanceRequired,
      minPackageWeightGrams: subOrder.minPackageWeightGrams,
      carrier: subOrder.carrier,
      lines: subOrder.lines.map(({ orderId, lineId, sku, quantity }) => ({ orderId, lineId, sku, quantity })),
    })),
    decisionInputs: canonicalJson(plan.decisionInputs),
    sandboxValidated: facts.sandboxValidated,
  };
}
