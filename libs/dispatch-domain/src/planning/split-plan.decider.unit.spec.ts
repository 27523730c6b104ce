import { applyCatalogChange } from '../catalog/catalog-change';
import { given } from '../testing/dispatch-spec';
import {
  ADDRESS, BONDED_WAREHOUSE, CLOUD_WAREHOUSE, FIELD_CATALOG, HOUR, OWN_WAREHOUSE, T0, catalogOf, entry, line, order,
} from '../testing/dispatch-fixtures';
import type { DispatchPlan } from './dispatch-plan';

const MERGED_CART = [
  line('l1', 'SKU-GLASSES-OWN', 2), line('l2', 'SKU-LENS-CLOUD', 1), line('l3', 'SKU-SERUM-BONDED', 3), line('l4', 'SKU-CASE-OWN', 1),
];

/** Per sub-order: warehouse, SLA, customs flag, weight floor and the lines, without ids. */
function shape(plan: DispatchPlan) {
  return plan.subOrders.map(({ warehouseId, slaHours, customsClearanceRequired, minPackageWeightGrams, lines }) => ({
    warehouseId, slaHours, customsClearanceRequired, minPackageWeightGrams, lines: lines.map((l) => `${l.orderId}/${l.lineId}×${l.quantity}`),
  }));
}

describe('planDispatch — the field scenario (three orders, one merged cart)', () => {
  const expectedShape = (ids: [string, string, string, string]) => [
    { warehouseId: OWN_WAREHOUSE, slaHours: 24, customsClearanceRequired: false, minPackageWeightGrams: 500, lines: [`${ids[0]}/l1×2`, `${ids[3]}/l4×1`] },
    { warehouseId: CLOUD_WAREHOUSE, slaHours: 48, customsClearanceRequired: false, minPackageWeightGrams: 300, lines: [`${ids[1]}/l2×1`] },
    { warehouseId: BONDED_WAREHOUSE, slaHours: 72, customsClearanceRequired: true, minPackageWeightGrams: 1000, lines: [`${ids[2]}/l3×3`] },
  ];

  it('one order_id paid as a merged cart is still split: each item goes to its own warehouse, strictest SLA first', () => {
    const plan = given(FIELD_CATALOG).when([order('MERGED-1', 0, MERGED_CART)]).thenProposed();
    expect(shape(plan)).toEqual(expectedShape(['MERGED-1', 'MERGED-1', 'MERGED-1', 'MERGED-1']));
  });

  it('nothing waits on the slowest SLA: each sub-order is due at payment + its own SLA', () => {
    const plan = given(FIELD_CATALOG).when([order('MERGED-1', 0, MERGED_CART)]).thenProposed();
    expect(plan.subOrders.map((subOrder) => subOrder.slaDeadline)).toEqual([T0 + 24 * HOUR, T0 + 48 * HOUR, T0 + 72 * HOUR]);
  });

  it('three orders of one customer within 10 minutes are planned together, with the same split', () => {
    const orders = [
      order('DY-1', 0, [line('l1', 'SKU-GLASSES-OWN', 2), line('l4', 'SKU-CASE-OWN', 1)]),
      order('DY-2', 4, [line('l2', 'SKU-LENS-CLOUD', 1)], { recipientPhone: '138****8000', shippingAddress: { ...ADDRESS, detail: '文三路１００号华星科技大厦1801室' } }),
      order('DY-3', 9, [line('l3', 'SKU-SERUM-BONDED', 3)], { shippingAddress: { ...ADDRESS, province: '浙江', city: '杭州' } }),
    ];
    const plan = given(FIELD_CATALOG).when(orders, { orderId: 'DY-3' }).thenProposed();
    expect(plan).toMatchObject({ orderId: 'DY-3', orderIds: ['DY-1', 'DY-2', 'DY-3'], relatedOrderIds: ['DY-1', 'DY-2'] });
    expect(shape(plan)).toEqual(expectedShape(['DY-1', 'DY-2', 'DY-3', 'DY-1']));
    // Strictest SLA first: the own-warehouse sub-order is due 24 h after the EARLIEST payment among its orders.
    expect(plan.subOrders[0].slaDeadline).toBe(T0 + 24 * HOUR);
    expect(plan.subOrders[2].slaDeadline).toBe(T0 + 9 * 60_000 + 72 * HOUR);
    expect(plan.decisionInputs.grouping.pairs.every((pair) => pair.related)).toBe(true);
  });
});

describe('planDispatch — splitting rules', () => {
  it('bonded and domestic items of the same warehouse never share a sub-order (parcel)', () => {
    const catalog = catalogOf([entry('SKU-DOMESTIC', 'WH-NB', 24, 100), entry('SKU-BONDED', 'WH-NB', 24, 100, true)]);
    const plan = given(catalog).when([order('o-1', 0, [line('a', 'SKU-DOMESTIC'), line('b', 'SKU-BONDED')])]).thenProposed();
    expect(shape(plan).map((s) => [s.warehouseId, s.customsClearanceRequired, s.lines])).toEqual([
      ['WH-NB', false, ['o-1/a×1']], ['WH-NB', true, ['o-1/b×1']],
    ]);
  });

  it('two SLAs of one warehouse make two sub-orders; the parcel floor is the largest SKU minimum', () => {
    const catalog = catalogOf([entry('FAST-LIGHT', 'WH-1', 12, 50), entry('FAST-HEAVY', 'WH-1', 12, 800), entry('SLOW', 'WH-1', 48, 10)]);
    const plan = given(catalog).when([order('o-1', 0, [line('c', 'SLOW'), line('a', 'FAST-LIGHT'), line('b', 'FAST-HEAVY')])]).thenProposed();
    expect(shape(plan)).toEqual([
      { warehouseId: 'WH-1', slaHours: 12, customsClearanceRequired: false, minPackageWeightGrams: 800, lines: ['o-1/a×1', 'o-1/b×1'] },
      { warehouseId: 'WH-1', slaHours: 48, customsClearanceRequired: false, minPackageWeightGrams: 10, lines: ['o-1/c×1'] },
    ]);
  });

  it('derives ids from the inputs: DP- + FNV-1a of seed and first order; sub-orders numbered strictest first', () => {
    const plan = given(FIELD_CATALOG).when([order('MERGED-1', 0, MERGED_CART)]).thenProposed();
    expect(plan.dispatchPlanId).toMatch(/^DP-[0-9A-F]{16}$/);
    expect(plan.subOrders.map((s) => s.subOrderId)).toEqual([1, 2, 3].map((n) => `${plan.dispatchPlanId}-v1-0${n}`));
    const otherSeed = given(FIELD_CATALOG).when([order('MERGED-1', 0, MERGED_CART)], { planIdSeed: 'tenant-b' }).thenProposed();
    expect(otherSeed.dispatchPlanId).not.toBe(plan.dispatchPlanId);
  });

  it('a re-plan keeps the plan id and takes the version after every recorded one, replacing the latest issued', () => {
    const history = [
      { dispatchPlanId: 'DP-KEPT', version: 1, status: 'ISSUED' as const },
      { dispatchPlanId: 'DP-KEPT', version: 2, status: 'REJECTED' as const },
    ];
    const plan = given(FIELD_CATALOG, history).when([order('MERGED-1', 0, MERGED_CART)]).thenProposed();
    expect(plan).toMatchObject({ dispatchPlanId: 'DP-KEPT', version: 3, previousVersion: 1 });
    expect(plan.subOrders[0].subOrderId).toBe('DP-KEPT-v3-01');
  });
});

describe('planDispatch — what the plan records', () => {
  it('records catalog version, the vectors used, the orders, the grouping with scores and an input digest', () => {
    const plan = given(FIELD_CATALOG).when([order('MERGED-1', 0, [line('l1', 'SKU-GLASSES-OWN'), line('l2', 'SKU-LENS-CLOUD')])]).thenProposed();
    expect(plan.decisionInputs).toMatchObject({
      engine: 'oms-dispatch-domain/1', decidedAt: T0 + 30_000, planIdSeed: 'oms-test', catalogVersion: 1,
      vectors: [
        { sku: 'SKU-GLASSES-OWN', warehouseId: OWN_WAREHOUSE, slaHours: 24, minPackageWeight: 200, customsClearanceRequired: false },
        { sku: 'SKU-LENS-CLOUD', warehouseId: CLOUD_WAREHOUSE, slaHours: 48, minPackageWeight: 300, customsClearanceRequired: false },
      ],
      orders: [{ orderId: 'MERGED-1', customerId: 'cust-42', placedAt: T0, paidAt: T0, lines: [{ lineId: 'l1', sku: 'SKU-GLASSES-OWN', quantity: 1 }, { lineId: 'l2', sku: 'SKU-LENS-CLOUD', quantity: 1 }] }],
      grouping: { anchorOrderId: 'MERGED-1', groupOrderIds: ['MERGED-1'], pairs: [] },
    });
    expect(plan.decisionInputs.inputDigest).toMatch(/^[0-9a-f]{16}$/);
  });

  it('shows every pair score of a group, with phones masked — never the full number', () => {
    const plan = given(FIELD_CATALOG).when([order('o-1', 0, [line('l1', 'SKU-GLASSES-OWN')]), order('o-2', 5, [line('l1', 'SKU-LENS-CLOUD')])]).thenProposed();
    const [pair] = plan.decisionInputs.grouping.pairs;
    expect(pair).toMatchObject({
      orderIds: ['o-1', 'o-2'], sameCustomer: true, millisecondsApart: 5 * 60_000, withinWindow: true, related: true, reasons: [],
      address: { distance: 0, score: 1, differingLevel: null, passes: true },
      phone: { outcome: 'EQUAL', score: 1, shown: ['138****8000', '138****8000'] },
      invoiceTitle: { compared: true, distance: 0, score: 1, passes: true },
    });
    expect(JSON.stringify(plan.decisionInputs)).not.toContain('13800138000');
  });

  it('the digest changes with any input: a changed address, a new catalog version', () => {
    const lines = [line('l1', 'SKU-GLASSES-OWN')];
    const digest = (plan: DispatchPlan) => plan.decisionInputs.inputDigest;
    const base = given(FIELD_CATALOG).when([order('o-1', 0, lines)]).thenProposed();
    const moved = given(FIELD_CATALOG).when([order('o-1', 0, lines, { shippingAddress: { ...ADDRESS, detail: '文一路1号' } })]).thenProposed();
    const update = applyCatalogChange(FIELD_CATALOG, { kind: 'UPSERT', entries: [entry('SKU-NEW', 'W', 1, 1)], changeId: 'c-2', changedBy: 'ops', changedAt: T0, reason: 'new sku' });
    const v2 = given(update.ok ? update.catalog : FIELD_CATALOG).when([order('o-1', 0, lines)]).thenProposed();
    expect(new Set([digest(base), digest(moved), digest(v2)]).size).toBe(3);
    expect(v2.decisionInputs.catalogVersion).toBe(2);
  });
});
