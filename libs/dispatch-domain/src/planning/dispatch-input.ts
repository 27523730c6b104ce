import type { SkuCatalog } from '../catalog/sku-catalog';
import type { PlanVersionRef } from '../fallback/plan-version';
import type { RelatableOrder } from '../related/relatable-order';
import type { RelatedOrdersPolicy } from '../related/related-orders-policy';

/** One order line as the split decision reads it (a subset of the Avro `OrderLine`). */
export interface PlanningLine {
  /** Unique within its order. */
  readonly lineId: string;
  /** Merchant SKU code the catalog knows. */
  readonly sku: string;
  /** Units, a positive integer. */
  readonly quantity: number;
}

/** An order ready to dispatch (paid ∧ inventory reserved ∧ invoice confirmed). */
export interface PlanningOrder extends RelatableOrder {
  /** When payment completed, epoch ms: each sub-order's SLA deadline counts from it. */
  readonly paidAt: number;
  /** Every line of the order — a merged-cart order holds lines of several warehouses. */
  readonly lines: readonly PlanningLine[];
}

/**
 * Everything a split decision depends on. Time, ids and the catalog come in here; the library
 * reads no clock and draws no random number, so the same input always gives the same plan.
 */
export interface DispatchInput {
  /** The order whose readiness triggered planning (the anchor); must be one of `orders`. */
  readonly orderId: string;
  /** The anchor and the customer's other ready orders of the decision window (candidates for grouping). */
  readonly orders: readonly PlanningOrder[];
  /** The catalog version to route by; the plan records its version and the vectors it used. */
  readonly catalog: SkuCatalog;
  /** Namespace for plan ids (e.g. the tenant or environment); with the first order's id it makes `dispatchPlanId`. */
  readonly planIdSeed: string;
  /** When the decision is made, epoch ms (the service's clock, passed in). */
  readonly decidedAt: number;
  /** Earlier versions of this plan, if re-planning; the new version keeps their `dispatchPlanId`. */
  readonly history?: readonly PlanVersionRef[];
  /** Related-orders policy; defaults to `related-orders-policy.data.json`. */
  readonly policy?: RelatedOrdersPolicy;
}
