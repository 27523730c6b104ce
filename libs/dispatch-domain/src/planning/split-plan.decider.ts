import { DEFAULT_RELATED_ORDERS_POLICY } from '../related/related-orders-policy';
import { groupRelatedOrders } from '../related/related-orders.grouping';
import { canonicalOrders, planLines, recordDecisionInputs } from './decision-inputs';
import type { DispatchInput } from './dispatch-input';
import { dispatchInputProblems } from './dispatch-input.validation';
import type { DispatchDecision } from './dispatch-plan';
import { nextPlanIdentity } from './plan-identity';
import { splitIntoSubOrders } from './sub-order.splitter';
import { describeMissingVector, resolveVectors } from './vector-resolution';

/**
 * The split decision (pain point 3 of DESIGN.md). Groups the anchor order with the customer's
 * related orders, looks up every SKU's fulfilment vector, and splits the lines into sub-orders
 * that never mix warehouse, SLA or customs status — also when one `orderId` holds a merged cart of
 * several warehouses. Pure and deterministic: the same input (in any line or order sequence)
 * gives a deep-equal decision, and the plan records what it read so a replay re-derives it.
 *
 * @example
 * const decision = planDispatch({ orderId: 'o-1', orders: [order], catalog, planIdSeed: 'oms', decidedAt: now });
 * if (decision.outcome === 'PROPOSED') sandboxValidate(decision.plan);        // then decidePlanIssue
 * if (decision.outcome === 'REVIEW') raise(decision.reviewItem);               // names the SKUs and fields
 */
export function planDispatch(input: DispatchInput): DispatchDecision {
  const problems = dispatchInputProblems(input);
  if (problems.length > 0) return { outcome: 'REJECTED', problems };
  const ordered = canonicalOrders(input.orders);
  const grouping = groupRelatedOrders(input.orderId, ordered, input.policy ?? DEFAULT_RELATED_ORDERS_POLICY);
  const inGroup = new Set(grouping.groupOrderIds);
  const groupOrders = ordered.filter((order) => inGroup.has(order.orderId));
  const lines = planLines(groupOrders);
  const resolution = resolveVectors(lines, input.catalog);
  if (!resolution.ok) {
    const detail = resolution.missing.map((missing) => describeMissingVector(missing, input.catalog.version)).join('; ');
    return {
      outcome: 'REVIEW',
      reviewItem: {
        kind: 'MISSING_FULFILMENT_VECTOR', orderId: input.orderId, orderIds: grouping.groupOrderIds,
        catalogVersion: input.catalog.version, missing: resolution.missing, detail,
      },
    };
  }
  const identity = nextPlanIdentity(input.planIdSeed, grouping.groupOrderIds[0], input.history ?? []);
  const paidAt = new Map(groupOrders.map((order) => [order.orderId, order.paidAt]));
  return {
    outcome: 'PROPOSED',
    plan: {
      ...identity,
      orderId: input.orderId,
      orderIds: grouping.groupOrderIds,
      relatedOrderIds: grouping.groupOrderIds.filter((orderId) => orderId !== input.orderId),
      subOrders: splitIntoSubOrders(lines, resolution.vectors, paidAt, identity),
      decisionInputs: recordDecisionInputs(input, ordered, grouping, resolution.vectors),
    },
  };
}
