import type { DispatchLine, DispatchSubOrder } from '@oms/contracts';
import type { FulfilmentField, FulfilmentVector } from '../catalog/fulfilment-vector';
import type { RelatedOrdersGrouping } from '../related/related-orders.grouping';

/** A quantity of an order line put in a sub-order — the Avro `DispatchLine`. */
export type PlannedLine = DispatchLine;

/**
 * One shipment of a plan: ONE warehouse, ONE SLA, ONE customs status (the Avro
 * `DispatchSubOrder`), plus its own SLA deadline — nothing waits on a slower SLA.
 */
export interface PlannedSubOrder extends DispatchSubOrder {
  /** Epoch ms by which it must ship: earliest `paidAt` among its orders + `slaHours`. */
  readonly slaDeadline: number;
}

/** A fulfilment vector as the plan recorded it, with its SKU. */
export interface RecordedVector extends FulfilmentVector {
  readonly sku: string;
}

/** An order as the plan recorded it (no address or phone: those stay on the order's own log). */
export interface RecordedOrder {
  readonly orderId: string;
  readonly customerId: string;
  readonly placedAt: number;
  readonly paidAt: number;
  readonly lines: readonly { lineId: string; sku: string; quantity: number }[];
}

/** What the decision read and how it decided: enough for `GET /dispatch-plans/{id}` to show why. */
export interface DecisionInputs {
  /** Identifies the rules version of this library. */
  readonly engine: string;
  readonly decidedAt: number;
  readonly planIdSeed: string;
  /** FNV-1a 64 of the canonical input (orders with addresses and phones, catalog version, policy, history): replay must reproduce it. */
  readonly inputDigest: string;
  readonly catalogVersion: number;
  /** Every vector used, sorted by SKU. */
  readonly vectors: readonly RecordedVector[];
  /** The planned orders, canonical order. */
  readonly orders: readonly RecordedOrder[];
  /** Related-orders grouping with every pair score. */
  readonly grouping: RelatedOrdersGrouping;
  readonly splitRule: string;
  readonly weightRule: string;
}

/** A proposed dispatch plan (one version). It is issued only after sandbox validation. */
export interface DispatchPlan {
  /** Kept across versions; WMS and carrier scans carry it. */
  readonly dispatchPlanId: string;
  readonly version: number;
  /** Latest issued version this one would replace, `null` for a first plan. */
  readonly previousVersion: number | null;
  /** The order that triggered planning. */
  readonly orderId: string;
  /** Every order in the plan (anchor and related), canonical order. */
  readonly orderIds: readonly string[];
  /** The other orders planned together with the anchor. */
  readonly relatedOrderIds: readonly string[];
  /** Strictest SLA first. */
  readonly subOrders: readonly PlannedSubOrder[];
  readonly decisionInputs: DecisionInputs;
}

/** A SKU planning could not route, and why. */
export interface MissingVector {
  readonly sku: string;
  readonly reason: 'NOT_IN_CATALOG' | 'INCOMPLETE_VECTOR';
  /** All four when the SKU is not in the catalog. */
  readonly missingFields: readonly FulfilmentField[];
  /** The lines that hold the SKU. */
  readonly lines: readonly { orderId: string; lineId: string }[];
}

/** Planning is blocked until someone completes these SKUs' vectors (a review item, not a guess). */
export interface MissingVectorReviewItem {
  readonly kind: 'MISSING_FULFILMENT_VECTOR';
  readonly orderId: string;
  readonly orderIds: readonly string[];
  readonly catalogVersion: number;
  readonly missing: readonly MissingVector[];
  /** One sentence per SKU, for the reviewer. */
  readonly detail: string;
}

/**
 * The outcome of `planDispatch`: a proposal (to be sandbox-validated), a review item (a SKU has
 * no complete fulfilment vector), or a rejection of malformed input (a bug upstream).
 */
export type DispatchDecision =
  | { readonly outcome: 'PROPOSED'; readonly plan: DispatchPlan }
  | { readonly outcome: 'REVIEW'; readonly reviewItem: MissingVectorReviewItem }
  | { readonly outcome: 'REJECTED'; readonly problems: readonly string[] };
