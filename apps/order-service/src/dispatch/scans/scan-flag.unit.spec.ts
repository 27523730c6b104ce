import type { WmsScan } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import { applyCatalogChange, planDispatch, SkuCatalog } from '@oms/dispatch-domain';
import type { StoredPlanVersion } from '../planning/plan-version.repository';
import { checkScan, ordersOfScan } from './scan-flag';

const T0 = Date.parse('2026-01-20T14:22:03+08:00');
const address = { province: '浙江省', city: '杭州市', district: '西湖区', street: null, detail: '文三路100号' };
const catalog = (() => {
  const result = applyCatalogChange(SkuCatalog.EMPTY, { kind: 'IMPORT', source: 'T', changeId: 'c1', changedBy: 'ops', changedAt: T0, reason: 't', entries: [
    { sku: 'OWN', warehouseId: 'WH-OWN', slaHours: 24, minPackageWeight: 500, customsClearanceRequired: false },
    { sku: 'CLOUD', warehouseId: 'WH-CLOUD', slaHours: 48, minPackageWeight: 300, customsClearanceRequired: false },
  ] });
  if (!result.ok) throw new Error(result.problems.join());
  return result.catalog;
})();

function version(n: number, status: StoredPlanVersion['status'], orderIds = ['o-1', 'o-2']): StoredPlanVersion {
  const orders = orderIds.map((orderId, index) => ({
    orderId, customerId: 'c', placedAt: T0 + index, paidAt: T0 + index, shippingAddress: address, recipientPhone: '13800138000', invoiceTitle: null,
    lines: [{ lineId: 'l1', sku: index === 0 ? 'OWN' : 'CLOUD', quantity: 1 }],
  }));
  const history = Array.from({ length: n - 1 }, (_, i) => ({ dispatchPlanId: 'x', version: i + 1, status: 'ISSUED' as const }));
  const decision = planDispatch({ orderId: orderIds[0]!, orders, catalog, planIdSeed: 's', decidedAt: T0, history: n > 1 ? history.map((ref) => ({ ...ref, dispatchPlanId: planId })) : undefined });
  if (decision.outcome !== 'PROPOSED') throw new Error(decision.outcome);
  return { dispatchPlanId: decision.plan.dispatchPlanId, version: decision.plan.version, status, plan: decision.plan, sandbox: null, failures: [] };
}
const planId = version(1, 'ISSUED').dispatchPlanId;
const scan = (overrides: Partial<WmsScan>): WmsScan => recordFixture('WmsScan', { dispatchPlanId: planId, planVersion: null, subOrderId: `${planId}-v1-01`, warehouseId: 'WH-OWN', packageWeightGrams: null, scanType: 'INBOUND', ...overrides });

describe('checkScan (a WMS scan against the plan in force)', () => {
  const v1 = version(1, 'ISSUED');

  it('passes a scan of the issued plan’s sub-order at its warehouse, and names the orders of that sub-order', () => {
    const check = checkScan(scan({}), [v1]);
    expect(check.flag).toBeNull();
    expect(ordersOfScan(check, [])).toEqual(['o-1']);
    expect(ordersOfScan(checkScan(scan({ subOrderId: null }), [v1]), [])).toEqual(['o-1', 'o-2']);
  });

  it('flags a plan never issued, a superseded version, an unknown sub-order, the wrong warehouse and an underweight parcel', () => {
    expect(checkScan(scan({}), [version(1, 'PROPOSED')]).flag?.flag).toBe('PLAN_NOT_ISSUED');
    const v2 = version(2, 'ISSUED');
    expect(checkScan(scan({ planVersion: 1, subOrderId: `${planId}-v2-01` }), [v1, v2]).flag?.flag).toBe('SUPERSEDED_PLAN_VERSION');
    expect(checkScan(scan({ subOrderId: `${planId}-v1-01` }), [v1, v2]).flag?.flag).toBe('SUPERSEDED_PLAN_VERSION');
    expect(checkScan(scan({ subOrderId: `${planId}-v9-01` }), [v1]).flag?.flag).toBe('UNKNOWN_SUB_ORDER');
    expect(checkScan(scan({ warehouseId: 'WH-CLOUD' }), [v1]).flag?.flag).toBe('WRONG_WAREHOUSE');
    expect(checkScan(scan({ scanType: 'PACKED', packageWeightGrams: 499 }), [v1]).flag).toMatchObject({ flag: 'UNDERWEIGHT_PARCEL' });
    expect(checkScan(scan({ scanType: 'PACKED', packageWeightGrams: 500 }), [v1]).flag).toBeNull();
    expect(checkScan(scan({ scanType: 'INBOUND', packageWeightGrams: 10 }), [v1]).flag).toBeNull(); // only closed parcels are weighed
  });
});
