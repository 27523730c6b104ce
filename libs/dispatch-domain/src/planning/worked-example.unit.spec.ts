import { applyCatalogChange } from '../catalog/catalog-change';
import { parseCatalogCsv } from '../catalog/catalog-csv.parser';
import { SkuCatalog } from '../catalog/sku-catalog';
import { decidePlanIssue } from '../fallback/plan-fallback.decider';
import { SANDBOX_APIS } from '../fallback/sandbox-verdict';
import type { PlanningOrder } from './dispatch-input';
import { planDispatch } from './split-plan.decider';

/** The worked example of docs/dispatch-engine.md, §8 — if this changes, the document must too. */
const CSV = `sku,warehouse_id,sla_hours,min_package_weight,customs_clearance_required
SKU-GLASSES,WH-OWN-HZ,24,200,false
SKU-CASE,WH-OWN-HZ,24,500,false
SKU-LENS,WH-CLOUD-JX,48,300,false
SKU-SERUM,WH-BONDED-NB,72,1000,true
`;
const T0 = Date.parse('2026-01-20T14:22:03.000+08:00');
const MIN = 60_000;
const ADDRESS = { province: '浙江省', city: '杭州市', district: '西湖区', street: null, detail: '文三路100号华星科技大厦1801室' };
const ORDERS: PlanningOrder[] = [
  { orderId: 'DY-1001', customerId: 'cust-42', placedAt: T0, paidAt: T0 + 20_000, shippingAddress: ADDRESS, recipientPhone: '13800138000', invoiceTitle: '杭州某某眼镜有限公司',
    lines: [{ lineId: 'l1', sku: 'SKU-GLASSES', quantity: 2 }, { lineId: 'l2', sku: 'SKU-CASE', quantity: 1 }] },
  { orderId: 'DY-1002', customerId: 'cust-42', placedAt: T0 + 4 * MIN, paidAt: T0 + 4 * MIN + 15_000, recipientPhone: '138****8000', invoiceTitle: '杭州某某眼镜有限责任公司',
    shippingAddress: { ...ADDRESS, province: '浙江', city: '杭州', detail: '文三路１００号华星科技大厦1801' }, lines: [{ lineId: 'l1', sku: 'SKU-LENS', quantity: 1 }] },
  { orderId: 'DY-1003', customerId: 'cust-42', placedAt: T0 + 9 * MIN, paidAt: T0 + 9 * MIN + 30_000, shippingAddress: ADDRESS, recipientPhone: '+86 138 0013 8000', invoiceTitle: '杭州某某眼镜有限公司',
    lines: [{ lineId: 'l1', sku: 'SKU-SERUM', quantity: 3 }] },
];

describe('the worked example of docs/dispatch-engine.md', () => {
  const parsed = parseCatalogCsv(CSV);
  const imported = parsed.ok && applyCatalogChange(SkuCatalog.EMPTY, { kind: 'IMPORT', source: 'CSV', entries: parsed.entries, changeId: 'import-2026-01-20', changedBy: 'ops-li', changedAt: T0 - 86_400_000, reason: 'initial import' });
  if (!imported || !imported.ok) throw new Error('the example catalog must import');
  const decision = planDispatch({ orderId: 'DY-1003', orders: ORDERS, catalog: imported.catalog, planIdSeed: 'oms-prod', decidedAt: T0 + 10 * MIN });
  if (decision.outcome !== 'PROPOSED') throw new Error('the example must propose a plan');
  const { plan } = decision;

  it('groups the three orders with the scores the document shows', () => {
    expect(plan.relatedOrderIds).toEqual(['DY-1001', 'DY-1002']);
    expect(plan.decisionInputs.grouping.pairs.map((p) => [p.millisecondsApart / MIN, p.address && `${p.address.maxLength - p.address.distance}/${p.address.maxLength}`, p.phone?.outcome, p.related])).toEqual([
      [4, '23/24', 'VISIBLE_DIGITS_AGREE', true],
      [9, '24/24', 'EQUAL', true],
      [5, '23/24', 'VISIBLE_DIGITS_AGREE', true],
    ]);
  });

  it('proposes the plan the document shows, with the same id on every run', () => {
    expect(plan.dispatchPlanId).toBe('DP-29FD5C651C24F3CC');
    expect(plan.subOrders.map((s) => [s.subOrderId.slice(-6), s.warehouseId, s.slaHours, s.customsClearanceRequired, s.minPackageWeightGrams, s.slaDeadline])).toEqual([
      ['-v1-01', 'WH-OWN-HZ', 24, false, 500, Date.parse('2026-01-21T14:22:23+08:00')],
      ['-v1-02', 'WH-CLOUD-JX', 48, false, 300, Date.parse('2026-01-22T14:26:18+08:00')],
      ['-v1-03', 'WH-BONDED-NB', 72, true, 1000, Date.parse('2026-01-23T14:31:33+08:00')],
    ]);
  });

  it('an e-waybill failure on the bonded sub-order, with no earlier version, raises a review item', () => {
    const failing = plan.subOrders[2].subOrderId;
    const answers = plan.subOrders.flatMap(({ subOrderId }) => SANDBOX_APIS.map((api) => {
      const fails = api === 'E_WAYBILL' && subOrderId === failing;
      return { api, subOrderId, ok: !fails, reason: fails ? 'e-waybill quota exhausted (code 1012)' : null };
    }));
    const next = decidePlanIssue({ proposal: plan, verdict: { dispatchPlanId: plan.dispatchPlanId, version: 1, answers }, history: [] });
    expect(next).toMatchObject({ outcome: 'REVIEW', failures: [{ api: 'E_WAYBILL', subOrderId: failing, reason: 'e-waybill quota exhausted (code 1012)' }] });
  });
});
