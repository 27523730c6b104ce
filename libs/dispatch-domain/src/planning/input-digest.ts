import { fnv1a64 } from '../determinism/fnv1a64';
import type { RelatedOrdersPolicy } from '../related/related-orders-policy';
import type { DispatchInput, PlanningOrder } from './dispatch-input';

/**
 * FNV-1a 64 of the canonical form of a decision's input: every order (canonical order, lines by
 * id) with its address, phone and invoice title — also candidates that were not grouped — the
 * catalog version, seed, decision time, policy and plan history. A replay that reproduces the
 * digest saw the same inputs, while the plan itself keeps no personal data it does not need. The
 * vectors used are not hashed: the plan records them in full, so a replay compares them directly.
 *
 * Canonical by construction: each value is rebuilt field by field in a fixed order (extra
 * properties of the caller's objects are ignored) and serialised with the native
 * `JSON.stringify` — the digest runs once per decision, on the benchmark's hot path.
 */
export function inputDigest(
  engine: string,
  input: DispatchInput,
  ordered: readonly PlanningOrder[],
  policy: RelatedOrdersPolicy,
): string {
  const history = [...(input.history ?? [])].sort((a, b) => a.version - b.version).map((h) => [h.dispatchPlanId, h.version, h.status]);
  return fnv1a64(JSON.stringify([
    engine, input.orderId, input.planIdSeed, input.decidedAt, input.catalog.version,
    ordered.map(orderTuple),
    [policy.similarityThresholdPercent, policy.windowMinutes, policy.invoiceTitleWhenBothAbsent],
    history,
  ]));
}

function orderTuple(order: PlanningOrder): unknown[] {
  const { province, city, district, street, detail } = order.shippingAddress;
  return [
    order.orderId, order.customerId, order.placedAt, order.paidAt, order.recipientPhone, order.invoiceTitle,
    [province, city, district, street ?? null, detail],
    order.lines.map((line) => [line.lineId, line.sku, line.quantity]),
  ];
}
