import type { FulfilmentVector } from '../catalog/fulfilment-vector';
import { compareCodeUnits } from '../determinism/canonical-json';
import { byPlacedAtThenId, type RelatedOrdersGrouping } from '../related/related-orders.grouping';
import type { DispatchInput, PlanningLine, PlanningOrder } from './dispatch-input';
import type { DecisionInputs, PlannedLine, RecordedOrder } from './dispatch-plan';
import { inputDigest } from './input-digest';

/** Names the rules a plan was made under; bump it when a rule changes, so old plans say which. */
export const DISPATCH_ENGINE = 'oms-dispatch-domain/1';
/** The split rule, in words, as recorded in every plan. */
export const SPLIT_RULE = 'one sub-order per (warehouseId, slaHours, customsClearanceRequired); strictest SLA first';
/** The weight rule, in words, as recorded in every plan. */
export const WEIGHT_RULE = 'minPackageWeightGrams = largest minPackageWeight of the sub-order SKUs; every parcel is declared at least that';

/** Orders in canonical order (placedAt, then order id), each with its lines sorted by line id. */
export function canonicalOrders(orders: readonly PlanningOrder[]): PlanningOrder[] {
  return [...orders].sort(byPlacedAtThenId).map((order) => ({ ...order, lines: sortedLines(order.lines) }));
}

/** The lines of `orders` (already canonical) as plan lines, in canonical order. */
export function planLines(orders: readonly PlanningOrder[]): PlannedLine[] {
  return orders.flatMap((order) => order.lines.map(({ lineId, sku, quantity }) => ({ orderId: order.orderId, lineId, sku, quantity })));
}

/**
 * The decision's record of its inputs: catalog version, the vectors used, the planned orders,
 * the grouping with every pair score, the rules in words, and the digest of the whole input
 * (`input-digest.ts`), which also covers addresses, phones and ungrouped candidates.
 */
export function recordDecisionInputs(
  input: DispatchInput,
  ordered: readonly PlanningOrder[],
  grouping: RelatedOrdersGrouping,
  vectors: ReadonlyMap<string, FulfilmentVector>,
): DecisionInputs {
  const recordedVectors = [...vectors.entries()].sort(([a], [b]) => compareCodeUnits(a, b)).map(([sku, v]) => ({
    sku, warehouseId: v.warehouseId, slaHours: v.slaHours, minPackageWeight: v.minPackageWeight, customsClearanceRequired: v.customsClearanceRequired,
  }));
  const inGroup = new Set(grouping.groupOrderIds);
  return {
    engine: DISPATCH_ENGINE,
    decidedAt: input.decidedAt,
    planIdSeed: input.planIdSeed,
    inputDigest: inputDigest(DISPATCH_ENGINE, input, ordered, grouping.policy),
    catalogVersion: input.catalog.version,
    vectors: recordedVectors,
    orders: ordered.filter((order) => inGroup.has(order.orderId)).map(recordedOrder),
    grouping,
    splitRule: SPLIT_RULE,
    weightRule: WEIGHT_RULE,
  };
}

function recordedOrder(order: PlanningOrder): RecordedOrder {
  const { orderId, customerId, placedAt, paidAt } = order;
  return { orderId, customerId, placedAt, paidAt, lines: order.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity })) };
}

function sortedLines(lines: readonly PlanningLine[]): PlanningLine[] {
  return [...lines].sort((a, b) => compareCodeUnits(a.lineId, b.lineId));
}
