import { compareCodeUnits } from '../determinism/canonical-json';
import { prepareForComparison, scorePreparedPair, type OrderPairScore } from './order-pair.scoring';
import type { RelatableOrder } from './relatable-order';
import { DEFAULT_RELATED_ORDERS_POLICY, type RelatedOrdersPolicy } from './related-orders-policy';

/** Which orders are planned together with the anchor, and every pair score behind it. */
export interface RelatedOrdersGrouping {
  /** The order whose planning was triggered. */
  readonly anchorOrderId: string;
  /** The anchor and the orders related to it, in canonical order (placedAt, then order id). */
  readonly groupOrderIds: readonly string[];
  /** Every pair of the given orders, in canonical order — also the pairs that were not related. */
  readonly pairs: readonly OrderPairScore[];
  readonly policy: RelatedOrdersPolicy;
}

/**
 * Finds the anchor's related orders (the source article's 关联分单模式). Orders are taken in
 * canonical order and one joins the group only if it is related to EVERY member already in it
 * (complete linkage): a chain A~B~C whose ends are 100 minutes apart, or whose ends are less
 * than 85% alike, is not one group. Deterministic: the input order of `orders` does not matter.
 *
 * @example
 * groupRelatedOrders('o-2', [o1, o2, o3]).groupOrderIds; // e.g. ['o-1', 'o-2']
 */
export function groupRelatedOrders(
  anchorOrderId: string,
  orders: readonly RelatableOrder[],
  policy: RelatedOrdersPolicy = DEFAULT_RELATED_ORDERS_POLICY,
): RelatedOrdersGrouping {
  const canonical = [...orders].sort(byPlacedAtThenId);
  // Normalise each order once, not once per pair.
  const prepared = canonical.length > 1 ? canonical.map(prepareForComparison) : [];
  const pairs: OrderPairScore[] = [];
  const relatedPairs = new Set<string>();
  prepared.forEach((a, i) => prepared.slice(i + 1).forEach((b) => {
    const score = scorePreparedPair(a, b, policy);
    pairs.push(score);
    if (score.related) relatedPairs.add(pairKey(a.order.orderId, b.order.orderId));
  }));
  const group = [anchorOrderId];
  for (const { orderId } of canonical) {
    if (orderId !== anchorOrderId && group.every((member) => relatedPairs.has(pairKey(member, orderId)))) group.push(orderId);
  }
  const position = new Map(canonical.map((order, index) => [order.orderId, index]));
  const groupOrderIds = group.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  return { anchorOrderId, groupOrderIds, pairs, policy };
}

/** Canonical order of orders: placed earlier first, ties by order id (code units). */
export function byPlacedAtThenId(a: RelatableOrder, b: RelatableOrder): number {
  return a.placedAt - b.placedAt || compareCodeUnits(a.orderId, b.orderId);
}

function pairKey(a: string, b: string): string {
  return compareCodeUnits(a, b) < 0 ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
