import { given } from '../testing/dispatch-spec';
import { FIELD_CATALOG, catalogOf, entry, line, order } from '../testing/dispatch-fixtures';

describe('planDispatch — blocked and refused inputs', () => {
  it('a SKU missing from the catalog, or missing a field, blocks with a review item naming SKU and fields', () => {
    const catalog = catalogOf([
      entry('SKU-OK', 'WH-1', 24, 100),
      { sku: 'SKU-HALF', warehouseId: 'WH-1', slaHours: null, minPackageWeight: 100, customsClearanceRequired: null },
    ]);
    const review = given(catalog)
      .when([order('o-1', 0, [line('l1', 'SKU-OK'), line('l2', 'SKU-HALF'), line('l3', 'SKU-GHOST'), line('l4', 'SKU-GHOST')])])
      .thenReview([
        { sku: 'SKU-GHOST', missingFields: ['warehouseId', 'slaHours', 'minPackageWeight', 'customsClearanceRequired'] },
        { sku: 'SKU-HALF', missingFields: ['slaHours', 'customsClearanceRequired'] },
      ]);
    expect(review).toMatchObject({ kind: 'MISSING_FULFILMENT_VECTOR', orderId: 'o-1', catalogVersion: 1 });
    expect(review.missing[0]).toMatchObject({ reason: 'NOT_IN_CATALOG', lines: [{ orderId: 'o-1', lineId: 'l3' }, { orderId: 'o-1', lineId: 'l4' }] });
    expect(review.detail).toBe(
      'SKU-GHOST is not in SKU catalog version 1 (lines o-1/l3, o-1/l4); SKU-HALF lacks slaHours, customsClearanceRequired in SKU catalog version 1 (lines o-1/l2)',
    );
  });

  it('an unrelated candidate with unknown SKUs does not block the anchor', () => {
    const other = order('o-2', 0, [line('x', 'SKU-GHOST')], { customerId: 'someone-else' });
    const plan = given(FIELD_CATALOG).when([order('o-1', 0, [line('l1', 'SKU-GLASSES-OWN')]), other]).thenProposed();
    expect(plan.orderIds).toEqual(['o-1']);
  });

  it.each([
    ['an anchor that is not among the orders', { orderId: 'nope' }, /the anchor order nope is not among the orders/],
    ['a zero quantity', { orders: [order('o-1', 0, [line('l1', 'SKU-CASE-OWN', 0)])] }, /orders\[0\].lines\[0\].quantity must be a positive integer, got 0/],
    ['a repeated line id', { orders: [order('o-1', 0, [line('l1', 'SKU-CASE-OWN'), line('l1', 'SKU-LENS-CLOUD')])] }, /lines\[1\].lineId l1 is repeated/],
    ['an order listed twice', { orders: [order('o-1', 0, [line('l1', 'SKU-CASE-OWN')]), order('o-1', 1, [line('l2', 'SKU-CASE-OWN')])] }, /order o-1 is listed twice/],
    ['a float decision time', { decidedAt: 1.5 }, /decidedAt must be epoch milliseconds/],
    ['a history of two plans', { history: [{ dispatchPlanId: 'A', version: 1, status: 'ISSUED' as const }, { dispatchPlanId: 'B', version: 2, status: 'ISSUED' as const }] }, /history mixes plans A, B/],
  ])('refuses %s', (_case, overrides, message) => {
    given(FIELD_CATALOG).when([order('o-1', 0, [line('l1', 'SKU-CASE-OWN')])], overrides).thenRejected(message);
  });
});
