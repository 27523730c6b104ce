import { canonicalJson } from '../determinism/canonical-json';
import { given } from '../testing/dispatch-spec';
import { FIELD_CATALOG, T0, line, order } from '../testing/dispatch-fixtures';
import { toDispatchPlannedRecord } from './dispatch-planned.record';

describe('toDispatchPlannedRecord — the Avro DispatchPlanned of an issued plan', () => {
  const plan = given(FIELD_CATALOG)
    .when([order('o-1', 0, [line('l1', 'SKU-GLASSES-OWN')]), order('o-2', 3, [line('l1', 'SKU-SERUM-BONDED', 2)])], { orderId: 'o-2' })
    .thenProposed();
  const facts = { occurredAt: T0 + 31_000, occurredAtText: '2026-01-20T14:22:34.000+08:00', sandboxValidated: true };

  it('carries plan id, version, sub-orders (without deadlines) and the canonical decision inputs', () => {
    const record = toDispatchPlannedRecord(plan, { ...facts, orderId: 'o-2' });
    expect(record).toEqual({
      orderId: 'o-2', ...facts, dispatchPlanId: plan.dispatchPlanId, planVersion: 1, previousPlanVersion: null, relatedOrderIds: ['o-1'],
      subOrders: [
        { subOrderId: `${plan.dispatchPlanId}-v1-01`, warehouseId: 'WH-OWN-HZ', slaHours: 24, customsClearanceRequired: false, minPackageWeightGrams: 200, carrier: null,
          lines: [{ orderId: 'o-1', lineId: 'l1', sku: 'SKU-GLASSES-OWN', quantity: 1 }] },
        { subOrderId: `${plan.dispatchPlanId}-v1-02`, warehouseId: 'WH-BONDED-NB', slaHours: 72, customsClearanceRequired: true, minPackageWeightGrams: 1000, carrier: null,
          lines: [{ orderId: 'o-2', lineId: 'l1', sku: 'SKU-SERUM-BONDED', quantity: 2 }] },
      ],
      decisionInputs: canonicalJson(plan.decisionInputs),
    });
    expect(JSON.parse(record.decisionInputs).grouping.pairs[0].related).toBe(true);
  });

  it('each order of the plan gets its own record; an order outside the plan is a wiring bug', () => {
    expect(toDispatchPlannedRecord(plan, { ...facts, orderId: 'o-1' }).relatedOrderIds).toEqual(['o-2']);
    expect(() => toDispatchPlannedRecord(plan, { ...facts, orderId: 'o-9' })).toThrow(/order o-9 is not in plan/);
  });
});
