import fc from 'fast-check';
import { applyCatalogChange } from '../catalog/catalog-change';
import { catalogOf, T0 } from '../testing/dispatch-fixtures';
import { planningCase, shuffledOrders, type PlanningCase } from '../testing/dispatch.arbitrary';
import type { DispatchInput } from './dispatch-input';
import type { DispatchDecision, DispatchPlan } from './dispatch-plan';
import { planDispatch } from './split-plan.decider';

const RUNS = { numRuns: 200 };

function inputOf({ entries, orders, anchorOrderId }: PlanningCase): DispatchInput {
  return { orderId: anchorOrderId, orders, catalog: catalogOf(entries), planIdSeed: 'prop', decidedAt: T0 };
}

function proposed(decision: DispatchDecision): DispatchPlan {
  if (decision.outcome !== 'PROPOSED') throw new Error(`expected a proposal, got ${JSON.stringify(decision)}`);
  return decision.plan;
}

describe('properties of planDispatch over random orders and catalogs', () => {
  it('every line of the planned orders is assigned exactly once, with its quantity, and no other line is', () => {
    fc.assert(fc.property(planningCase, (c) => {
      const plan = proposed(planDispatch(inputOf(c)));
      const planned = plan.subOrders.flatMap((s) => s.lines.map((l) => `${l.orderId}/${l.lineId}×${l.quantity}`)).sort();
      const expected = c.orders.filter((o) => plan.orderIds.includes(o.orderId))
        .flatMap((o) => o.lines.map((l) => `${o.orderId}/${l.lineId}×${l.quantity}`)).sort();
      expect(planned).toEqual(expected);
      expect(plan.orderIds).toContain(c.anchorOrderId);
    }), RUNS);
  });

  it('no sub-order mixes warehouse, SLA or customs status; each is one key, strictest SLA first', () => {
    fc.assert(fc.property(planningCase, (c) => {
      const plan = proposed(planDispatch(inputOf(c)));
      const vectorOf = new Map(c.entries.map((e) => [e.sku, e]));
      const keys = plan.subOrders.map((s) => `${s.warehouseId}|${s.slaHours}|${s.customsClearanceRequired}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const subOrder of plan.subOrders) {
        for (const { sku } of subOrder.lines) {
          const vector = vectorOf.get(sku)!;
          expect([vector.warehouseId, vector.slaHours, vector.customsClearanceRequired])
            .toEqual([subOrder.warehouseId, subOrder.slaHours, subOrder.customsClearanceRequired]);
        }
      }
      const slas = plan.subOrders.map((s) => s.slaHours);
      expect(slas).toEqual([...slas].sort((a, b) => a - b));
    }), RUNS);
  });

  it('weights respected: a sub-order\'s floor is the largest minimum of its SKUs (so ≥ each of them)', () => {
    fc.assert(fc.property(planningCase, (c) => {
      const plan = proposed(planDispatch(inputOf(c)));
      const minimum = new Map(c.entries.map((e) => [e.sku, e.minPackageWeight!]));
      for (const subOrder of plan.subOrders) {
        expect(subOrder.minPackageWeightGrams).toBe(Math.max(...subOrder.lines.map((l) => minimum.get(l.sku)!)));
      }
    }), RUNS);
  });

  it('same input → same plan, deep equal, also with orders and lines in another sequence', () => {
    fc.assert(fc.property(planningCase.chain((c) => fc.tuple(fc.constant(c), shuffledOrders(c.orders))), ([c, shuffled]) => {
      const first = planDispatch(inputOf(c));
      expect(planDispatch(inputOf(c))).toEqual(first);
      expect(planDispatch({ ...inputOf(c), orders: shuffled })).toEqual(first);
    }), RUNS);
  });

  it('removing SKUs from the catalog blocks with a review item naming exactly the planned SKUs it lacks', () => {
    fc.assert(fc.property(planningCase, fc.func(fc.boolean()), (c, drop) => {
      const base = catalogOf(c.entries);
      const dropped = c.entries.map((e) => e.sku).filter((sku) => drop(sku));
      const result = applyCatalogChange(base, { kind: 'REMOVE', skus: dropped, changeId: 'drop', changedBy: 'prop', changedAt: T0, reason: 'prop' });
      if (!result.ok) throw new Error(result.problems.join());
      const decision = planDispatch({ ...inputOf(c), catalog: result.catalog });
      const plannedOrders = proposed(planDispatch(inputOf(c))).orderIds;
      const used = new Set(c.orders.filter((o) => plannedOrders.includes(o.orderId)).flatMap((o) => o.lines.map((l) => l.sku)));
      const expectedMissing = dropped.filter((sku) => used.has(sku)).sort();
      if (expectedMissing.length === 0) expect(decision.outcome).toBe('PROPOSED');
      else expect(decision.outcome === 'REVIEW' && decision.reviewItem.missing.map((m) => m.sku)).toEqual(expectedMissing);
    }), RUNS);
  });
});
