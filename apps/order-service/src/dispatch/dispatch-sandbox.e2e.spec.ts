import type { DispatchPlanned, DispatchProposalRejected, DispatchProposed, DispatchScanRecorded, ReviewItemRaised, WmsScan } from '@oms/contracts';
import { Topics } from '@oms/contracts';
import { derivePlanId } from '@oms/dispatch-domain';
import { waitFor } from '@oms/testing';
import { DispatchHarness, FIELD_CATALOG_CSV } from '../testing/dispatch-harness';
import { orderRecords } from '../testing/ingress-records';
import type { DispatchPlanView } from './query/dispatch-plan.view';

const MINUTE = 60_000;

/**
 * Sandbox validation and its fallback, the SKU catalog API and the review items of the dispatch
 * flow, on the real broker and database: a dry run failing at any of the three APIs keeps the
 * issued version in force with the reason on the order log; with nothing issued, or with a SKU
 * lacking its vector, a review item is raised.
 */
describe('dispatch sandbox, fallback and catalog end to end (real Kafka, real PostgreSQL)', () => {
  const h = new DispatchHarness();
  const seed = `sandbox-${Date.now()}`;
  const customer = (name: string) => `cust-${name}-${h.runId}`;

  beforeAll(async () => {
    await h.start({ DISPATCH_DECISION_WINDOW: 'PT3S', DISPATCH_POLL_INTERVAL_MS: '100', DISPATCH_PLAN_ID_SEED: seed });
  }, 60_000);
  afterAll(() => h.close(), 60_000);

  it('changes the SKU catalog only for a warehouse manager, refuses a malformed import naming its rows, and versions every change', async () => {
    const noToken = await h.http('/sku-catalog/imports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format: 'csv', content: FIELD_CATALOG_CSV }) });
    expect(noToken.status).toBe(401);
    expect((await h.post('/sku-catalog/imports', { format: 'csv', content: FIELD_CATALOG_CSV }, 'customer')).status).toBe(403);
    const malformed = await h.post('/sku-catalog/imports', { format: 'csv', content: `${FIELD_CATALOG_CSV}\nSKU-BAD,WH-X,24h,10,false\nSKU-CASE,WH-OWN-HZ,24,500,false` });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: Array<{ row: number; sku: string }> }).errors.map((error) => [error.row, error.sku])).toEqual([[6, 'SKU-BAD'], [7, 'SKU-CASE']]);
    expect(((await (await h.http('/sku-catalog')).json()) as { version: number }).version).toBe(0);

    const imported = await h.post('/sku-catalog/imports', { format: 'csv', content: FIELD_CATALOG_CSV, reason: '618 导入', changeId: 'import-1' });
    expect(await imported.json()).toMatchObject({ version: 1, change: { kind: 'IMPORT', added: ['SKU-CASE', 'SKU-GLASSES', 'SKU-LENS', 'SKU-SERUM'], changedBy: 'test-warehouse_manager' } });
    expect(await (await h.post('/sku-catalog/imports', { format: 'csv', content: FIELD_CATALOG_CSV, changeId: 'import-1' })).json()).toMatchObject({ version: 1 }); // same change id: no new version
    expect(await (await h.http('/sku-catalog/skus/SKU-LENS')).json()).toMatchObject({ warehouseId: 'WH-CLOUD-JX', slaHours: 48, catalogVersion: 1 });
    expect((await h.http('/sku-catalog/skus/SKU-NONE')).status).toBe(404);
  });

  it('falls back to the issued version when the inventory, carrier waybill or e-waybill dry run fails, with the reason on the log', async () => {
    const order = await h.readyOrder(41, { customerId: customer('fallback'), placedAt: Date.now() - 10 * MINUTE, lines: [['l1', 'SKU-GLASSES', 1], ['l2', 'SKU-LENS', 1]] });
    const planned = await h.event<DispatchPlanned>(order.orderId, 'DispatchPlanned');
    const planId = planned.dispatchPlanId;
    expect(planned.planVersion).toBe(1);

    const failures = [
      { api: 'WAREHOUSE_INVENTORY', reason: 'WH-CLOUD-JX: SKU-LENS available 0 (code 4001)' },
      { api: 'CARRIER_WAYBILL', reason: 'SF: address outside service area (code 2203)' },
      { api: 'E_WAYBILL', reason: 'e-waybill quota exhausted (code 1012)' },
    ] as const;
    for (const [index, failure] of failures.entries()) {
      h.failNext.set(planId, failure);
      const replanned = await h.post(`/dispatch-plans/${planId}/replan`, { reason: `test ${failure.api}` });
      expect(await replanned.json()).toEqual({ dispatchPlanId: planId, outcome: 'PROPOSED', version: index + 2 });
      const rejected = await waitFor(`v${index + 2} rejected`, () => h.eventsOf<DispatchProposalRejected>(order.orderId, 'DispatchProposalRejected').find((event) => event.planVersion === index + 2));
      const lastSubOrder = h.eventsOf<DispatchProposed>(order.orderId, 'DispatchProposed').find((event) => event.planVersion === index + 2)!.subOrders.at(-1)!.subOrderId;
      expect(rejected).toMatchObject({ dispatchPlanId: planId, fallbackPlanVersion: 1, failures: [{ api: failure.api, subOrderId: lastSubOrder, reason: failure.reason }] });
    }
    const { state } = (await (await h.http(`/orders/${order.orderId}`)).json()) as { state: { status: string; dispatchPlan: unknown } };
    expect(state).toMatchObject({ status: 'dispatch_planned', dispatchPlan: { dispatchPlanId: planId, version: 1 } });
    expect(h.eventsOf(order.orderId, 'DispatchPlanned')).toHaveLength(1);
    expect(h.eventsOf(order.orderId, 'ReviewItemRaised')).toEqual([]);

    const view = (await (await h.http(`/dispatch-plans/${planId}`)).json()) as DispatchPlanView;
    expect(view.currentVersion).toBe(1);
    expect(view.versions.map((version) => [version.version, version.status, version.sandbox?.failures.map((failure) => failure.api)])).toEqual([
      [1, 'ISSUED', []], [2, 'REJECTED', ['WAREHOUSE_INVENTORY']], [3, 'REJECTED', ['CARRIER_WAYBILL']], [4, 'REJECTED', ['E_WAYBILL']],
    ]);

    // A passing re-plan is issued as v5 and published; a scan still carrying v1 is flagged, not dropped.
    expect(await (await h.post(`/dispatch-plans/${planId}/replan`, {}, 'customer_service_supervisor')).json()).toMatchObject({ version: 5 });
    const v5 = await h.instructions.waitForPlan(planId, 5);
    expect(v5.map((record) => record.value.previousPlanVersion)).toEqual([1, 1]);
    const stale: WmsScan = {
      scanId: `${h.runId}-stale`, dispatchPlanId: planId, planVersion: 1, subOrderId: `${planId}-v1-01`, orderId: order.orderId, scanType: 'INBOUND', warehouseId: 'WH-OWN-HZ',
      stationId: null, operatorId: null, carrier: null, trackingNumber: null, packageWeightGrams: null, items: [{ sku: 'SKU-GLASSES', quantity: 1 }],
      scannedAt: Date.now(), scannedAtText: new Date().toISOString(),
    };
    await h.harness.publish(Topics.ingressWmsScans, planId, 'WmsScan', stale);
    const recorded = await h.event<DispatchScanRecorded>(order.orderId, 'DispatchScanRecorded');
    expect(recorded).toMatchObject({ flag: 'SUPERSEDED_PLAN_VERSION', planVersion: 1, currentPlanVersion: 5 });
    expect(await h.event<ReviewItemRaised>(order.orderId, 'ReviewItemRaised')).toMatchObject({ cause: 'SANDBOX_VALIDATION_FAILED', detailedCause: 'DISPATCH_SCAN_SUPERSEDED_PLAN_VERSION' });
  }, 120_000);

  it('raises a SANDBOX_VALIDATION_FAILED review item when a first proposal fails: there is nothing to fall back to', async () => {
    const { orderId } = orderRecords(h.runId, 42);
    h.failNext.set(derivePlanId(seed, orderId), { api: 'E_WAYBILL', reason: 'customs e-waybill rejected: consignee ID missing' });
    await h.readyOrder(42, { customerId: customer('review'), placedAt: Date.now() - 10 * MINUTE, lines: [['l1', 'SKU-SERUM', 1]] });
    const rejected = await h.event<DispatchProposalRejected>(orderId, 'DispatchProposalRejected');
    expect(rejected).toMatchObject({ planVersion: 1, fallbackPlanVersion: null, failures: [{ api: 'E_WAYBILL', reason: 'customs e-waybill rejected: consignee ID missing' }] });
    const review = await h.event<ReviewItemRaised>(orderId, 'ReviewItemRaised');
    expect(review).toMatchObject({ cause: 'SANDBOX_VALIDATION_FAILED', detailedCause: 'SANDBOX_VALIDATION_FAILED', subjectRef: `${rejected.dispatchPlanId}:v1` });
    expect(review.detail).toContain('customs e-waybill rejected');
    expect(((await (await h.http(`/orders/${orderId}`)).json()) as { state: { status: string } }).state.status).toBe('ready_to_dispatch');
  }, 60_000);

  it('blocks an order holding a SKU without a full fulfilment vector with a review item naming it, and plans it once the catalog has it', async () => {
    const { orderId } = await h.readyOrder(43, { customerId: customer('ghost'), placedAt: Date.now() - 10 * MINUTE, lines: [['l1', 'SKU-GLASSES', 1], ['l2', 'SKU-GHOST', 2]] });
    const review = await h.event<ReviewItemRaised>(orderId, 'ReviewItemRaised');
    expect(review).toMatchObject({ detailedCause: 'MISSING_FULFILMENT_VECTOR' });
    expect(review.detail).toContain('SKU-GHOST');
    expect(h.eventsOf(orderId, 'DispatchProposed')).toEqual([]);

    const changed = await h.post('/sku-catalog/changes', { kind: 'UPSERT', reason: 'new bonded SKU', entries: [{ sku: 'SKU-GHOST', warehouseId: 'WH-BONDED-NB', slaHours: 72, minPackageWeight: 800, customsClearanceRequired: true }] });
    expect(await changed.json()).toMatchObject({ version: 2, change: { kind: 'UPSERT', added: ['SKU-GHOST'] } });
    const proposal = await h.event<DispatchProposed>(orderId, 'DispatchProposed');
    expect(proposal.subOrders.map((sub) => sub.warehouseId)).toEqual(['WH-OWN-HZ', 'WH-BONDED-NB']);
    expect((JSON.parse(proposal.decisionInputs) as { catalogVersion: number }).catalogVersion).toBe(2);
    await h.event(orderId, 'DispatchPlanned');
  }, 60_000);

  it('does not issue a plan whose order went to a refund meanwhile: the proposal is rejected and the others are planned again without it', async () => {
    const customerId = customer('withdrawn');
    const t = Date.now() - 10 * MINUTE;
    const planId = derivePlanId(seed, orderRecords(h.runId, 44).orderId);
    h.hold.add(planId);
    const [keep, cancelled] = await Promise.all([
      h.readyOrder(44, { customerId, placedAt: t, lines: [['l1', 'SKU-GLASSES', 1]] }),
      h.readyOrder(45, { customerId, placedAt: t + MINUTE, lines: [['l1', 'SKU-LENS', 1]] }),
    ]);
    const proposal = await h.event<DispatchProposed>(keep.orderId, 'DispatchProposed');
    expect(proposal.relatedOrderIds).toEqual([cancelled.orderId]);
    expect((await h.post(`/orders/${cancelled.orderId}/cancel`, { detail: 'buyer changed their mind' }, 'customer_service_supervisor')).status).toBe(200);
    await h.release(planId);

    const rejected = await h.event<DispatchProposalRejected>(keep.orderId, 'DispatchProposalRejected');
    expect(rejected).toMatchObject({ planVersion: 1, fallbackPlanVersion: null });
    expect(rejected.failures[0]?.reason).toContain(`order ${cancelled.orderId} is refunding`);
    const planned = await h.event<DispatchPlanned>(keep.orderId, 'DispatchPlanned');
    expect(planned).toMatchObject({ dispatchPlanId: planId, planVersion: 2, relatedOrderIds: [] });
    const published = await h.instructions.waitForPlan(planId, 2);
    expect(published.flatMap((record) => record.value.subOrder.lines.map((line) => line.orderId))).toEqual([keep.orderId]);
    expect(h.eventsOf(cancelled.orderId, 'DispatchPlanned')).toEqual([]);
  }, 60_000);

  it('re-plans when the address of a planned order changes: a new version with the new address replaces the old one on oms.dispatch.v1', async () => {
    const { orderId } = await h.readyOrder(46, { customerId: customer('moved'), placedAt: Date.now() - 10 * MINUTE, lines: [['l1', 'SKU-GLASSES', 1]] });
    const planned = await h.event<DispatchPlanned>(orderId, 'DispatchPlanned');
    const address = { recipientName: '王小明', province: '浙江省', city: '杭州市', district: '滨江区', detail: '江南大道 3588 号 2 幢 501 室' };
    expect((await h.post(`/orders/${orderId}/address`, { address, phone: '13900139000', reason: '买家来电改地址' }, 'customer_service_supervisor')).status).toBe(200);
    const v2 = await h.instructions.waitForPlan(planned.dispatchPlanId, 2, 30_000);
    expect(v2.map((record) => [record.value.previousPlanVersion, record.value.shippingAddress.district, record.value.recipientPhone])).toEqual([[1, '滨江区', '13900139000']]);
    const proposals = h.eventsOf<DispatchProposed>(orderId, 'DispatchProposed');
    expect(proposals.map((proposal) => [proposal.planVersion, proposal.shippingAddress.district])).toEqual([[1, '西湖区'], [2, '滨江区']]);
  }, 60_000);
});

