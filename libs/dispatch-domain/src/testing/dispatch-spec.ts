import type { FulfilmentField } from '../catalog/fulfilment-vector';
import type { SkuCatalog } from '../catalog/sku-catalog';
import type { PlanVersionRef } from '../fallback/plan-version';
import type { DispatchInput, PlanningOrder } from '../planning/dispatch-input';
import type { DispatchDecision, DispatchPlan, MissingVectorReviewItem } from '../planning/dispatch-plan';
import { planDispatch } from '../planning/split-plan.decider';
import { T0 } from './dispatch-fixtures';

/** What a `given(...).when(...)` step exposes to assertions. */
export interface PlanningStep {
  readonly input: DispatchInput;
  readonly decision: DispatchDecision;
  /** Expects a proposal and returns its plan. */
  thenProposed(): DispatchPlan;
  /** Expects a review item naming exactly these SKUs with these missing fields (in SKU order). */
  thenReview(expected: { sku: string; missingFields: readonly FulfilmentField[] }[]): MissingVectorReviewItem;
  /** Expects a rejection with a problem matching `message`. */
  thenRejected(message: RegExp): void;
}

/**
 * Given / when / then for the split decision: given a catalog (and a plan history), when these
 * orders are planned for an anchor, then a plan, a review item or a rejection.
 *
 * @example
 * given(FIELD_CATALOG).when([order('o-1', 0, lines)]).thenProposed();
 */
export function given(catalog: SkuCatalog, history: readonly PlanVersionRef[] = []) {
  return {
    when(orders: readonly PlanningOrder[], options: Partial<DispatchInput> = {}): PlanningStep {
      const input: DispatchInput = { orderId: orders[0]?.orderId ?? '', orders, catalog, planIdSeed: 'oms-test', decidedAt: T0 + 30_000, history, ...options };
      const decision = planDispatch(input);
      return {
        input,
        decision,
        thenProposed() {
          if (decision.outcome !== 'PROPOSED') throw new Error(`expected a proposal, got ${JSON.stringify(decision)}`);
          return decision.plan;
        },
        thenReview(expected) {
          expect(decision.outcome).toBe('REVIEW');
          const { reviewItem } = decision as Extract<DispatchDecision, { outcome: 'REVIEW' }>;
          expect(reviewItem.missing.map(({ sku, missingFields }) => ({ sku, missingFields }))).toEqual(expected);
          return reviewItem;
        },
        thenRejected(message) {
          expect(decision.outcome).toBe('REJECTED');
          expect((decision as Extract<DispatchDecision, { outcome: 'REJECTED' }>).problems.join('\n')).toMatch(message);
        },
      };
    },
  };
}
