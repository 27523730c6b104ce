import { Topics } from '@oms/contracts';
import { waitFor } from '@oms/testing';
import type { CallLogEntry } from '../calls/call-log.repository';
import { startFulfillmentHarness, type FulfillmentHarness } from '../testing/fulfillment-harness';
import { dispatchOrderRecords, newRunId, signHs256, startOrderServiceHarness, TEST_JWT_SECRET, type OrderServiceHarness } from '../testing/order-service';

jest.setTimeout(120_000);

// Stock of the simulated warehouses (TEST_STOCK) as the dispatch engine's catalog knows it.
const CATALOG_CSV = ['sku,warehouse_id,sla_hours,min_package_weight,customs_clearance_required', 'TEA-LJ-250G,WH-HZ-01,24,300,false', 'CUP-GLASS-300,WH-SH-02,48,300,false'].join('\n');

// The whole backbone on the real broker: order-service (state machine, dispatch engine) and
// fulfillment-service (warehouse, carriers) on one topic prefix, the simulators over HTTP.
describe('an order reaches delivered from carrier pushes (order-service + fulfillment-service)', () => {
  let orders: OrderServiceHarness;
  let fulfillment: FulfillmentHarness;
  const runId = newRunId();

  beforeAll(async () => {
    orders = await startOrderServiceHarness({ env: { DISPATCH_DECISION_WINDOW: 'PT1S', DISPATCH_POLL_INTERVAL_MS: '100', DISPATCH_PLAN_ID_SEED: `fs-${runId}` } });
    fulfillment = await startFulfillmentHarness({ prefix: orders.prefix });
    const token = signHs256({ sub: 'test-warehouse-manager', role: 'warehouse_manager', exp: Math.floor(Date.now() / 1000) + 600 }, TEST_JWT_SECRET);
    const imported = await fetch(`${orders.service.url}/sku-catalog/imports`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ format: 'csv', content: CATALOG_CSV, reason: 'fulfillment e2e' }) });
    expect(imported.status).toBe(200);
  });
  afterAll(async () => {
    await fulfillment?.close();
    await orders?.close();
  });

  it('placed → paid → reserved → planned (sandbox passed) → waybills → pushes → delivered, with the call log complete', async () => {
    const order = dispatchOrderRecords(runId, 1, { customerId: `cust-${runId}`, placedAt: Date.now() - 60_000, lines: [['l1', 'TEA-LJ-250G', 1], ['l2', 'CUP-GLASS-300', 2]] });
    await orders.publish(Topics.ingressOrders, `MINI_PROGRAM:${order.channelOrder.channelOrderId}`, 'ChannelOrder', order.channelOrder);
    await orders.publish(Topics.ingressPayments, order.notification.outTradeNo, 'PaymentNotification', order.notification);
    await orders.publish(Topics.ingressPayments, order.notification.outTradeNo, 'PaymentConfirmation', order.confirmation);
    await orders.events.waitForEvent(order.orderId, 'OrderPlaced');
    await orders.publish(Topics.ingressInvoices, order.orderId, 'InvoiceConfirmation', order.invoice);

    // The real warehouse reserved it, the real sandbox passed the plan: order-service issued it.
    await orders.events.waitForEvent(order.orderId, 'DispatchPlanned', 60_000);
    const sandbox = await fulfillment.events.waitFor('SandboxValidationResult', (value) => value.orderId === order.orderId);
    expect(sandbox.passed).toBe(true);
    const waybills = await waitFor('both waybills', () => {
      const issued = fulfillment.simulator.carriers.book.all().filter((waybill) => String(waybill.extendedFields['dispatch_plan_id']) === sandbox.dispatchPlanId);
      return issued.length === 2 && issued;
    });
    // Pushed only once the service committed the shipments (a push before that would be parked).
    await waitFor('both shipments stored', async () => (await Promise.all(waybills.map((waybill) => fetch(`${fulfillment.service.url}/shipments/${waybill.trackingNumber}`)))).every((response) => response.ok));

    // The carriers deliver: the order follows them to delivered.
    for (const waybill of waybills) await fulfillment.simulator.carriers.playLifecycle(waybill.trackingNumber, { duplicates: true });
    const state = await waitFor('order delivered', async () => {
      const view = (await (await fetch(`${orders.service.url}/orders/${order.orderId}`)).json()) as { state: { status: string } };
      return view.state.status === 'delivered' && view;
    }, { timeoutMs: 30_000 });
    expect(state.state.status).toBe('delivered');
    const progressOf = () => orders.events.eventsOf(order.orderId).filter((event) => event.type === 'OrderShipmentProgressed').map((event) => event.value['progress']);
    await waitFor('the order log read up to delivered', () => progressOf().includes('DELIVERED'));
    expect(progressOf()).toEqual(['PARTIALLY_SHIPPED', 'SHIPPED', 'IN_DELIVERY', 'DELIVERED']);

    // Every warehouse and carrier call of the order is in the log, the phone verified before each waybill.
    const calls = await fulfillment.get<CallLogEntry[]>(`/calls?orderId=${order.orderId}`);
    const operations = calls.map((call) => call.operation);
    for (const operation of ['reserve-inventory', 'check-availability', 'dry-run-waybill', 'validate-e-waybill', 'verify-phone', 'create-waybill', 'query-route']) expect(operations).toContain(operation);
    expect(operations.indexOf('verify-phone')).toBeLessThan(operations.indexOf('create-waybill'));
    expect(calls.every((call) => call.httpStatus === 200 && call.durationMs >= 0)).toBe(true);
  });
});
