import { Topics } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import { waitFor } from '@oms/testing';
import type { CallLogEntry } from '../calls/call-log.repository';
import { formatShanghaiTime } from '@oms/fulfillment-domain';
import type { StoredReviewItem } from '../review/review-items.repository';
import type { ScanRow } from '../scans/wms-scan.repository';
import { startFulfillmentHarness, type FulfillmentHarness } from '../testing/fulfillment-harness';
import { dispatchPlanned, dispatchProposed, orderPlaced, type TestSubOrder } from '../testing/order-log-records';
import type { Shipment } from '../tracking/shipment.repository';
import type { TrackRow } from '../tracking/track.repository';
import { StatusLagDetector } from '../tracking/status-lag.detector';
import { TrackPoller } from '../tracking/track-poller';

jest.setTimeout(90_000);

const SF_AND_ZTO: TestSubOrder[] = [
  { subOrderId: 'S1', warehouseId: 'WH-HZ-01', carrier: 'SF', sku: 'TEA-LJ-250G', quantity: 1 },
  { subOrderId: 'S2', warehouseId: 'WH-SH-02', carrier: 'ZTO', sku: 'CUP-GLASS-300', quantity: 1 },
];

// The real broker, the real database, the simulators over HTTP: order log in, carriers pushing,
// fulfillment records out.
describe('fulfillment-service end to end on Kafka', () => {
  let harness: FulfillmentHarness;
  const waybillOf = (orderId: string, subOrderId: string) => harness.simulator.carriers.book.all().find((waybill) => waybill.merchantOrderRef === `dp-${orderId}-${subOrderId}`);
  // The carrier's waybill, once the service has committed its shipment (a push before that would be parked).
  const waitForWaybill = (orderId: string, subOrderId: string) =>
    waitFor(`waybill of ${orderId}/${subOrderId}`, async () => {
      const waybill = waybillOf(orderId, subOrderId);
      return waybill && (await fetch(`${harness.service.url}/shipments/${waybill.trackingNumber}`)).ok && waybill;
    });
  const reviewItems = (orderId: string) => harness.get<StoredReviewItem[]>(`/review-items?orderId=${orderId}`);

  beforeAll(async () => {
    harness = await startFulfillmentHarness();
    await harness.publish(Topics.orderEvents, 'ord-e2e-1', 'OrderPlaced', orderPlaced('ord-e2e-1', '13800138000'));
  });
  afterAll(() => harness?.close());

  it('serves /health (Postgres and Kafka up) and its OpenAPI description at /docs', async () => {
    expect((await fetch(`${harness.service.url}/health`)).status).toBe(200);
    const openApi = (await (await fetch(`${harness.service.url}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/carriers/{source}/push', '/calls', '/shipments/{trackingNumber}', '/review-items']));
  });

  it('answers an unreadable push 400 in the carrier’s own format, and an unknown carrier 404', async () => {
    const push = (source: string, body: string) => fetch(`${harness.service.url}/carriers/${source}/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const sf = await push('sf', '{"Body":{"WaybillRoute":[{"mailno":"SF1","opCode":"50"}]}}');
    expect(sf.status).toBe(400);
    expect(await sf.json()).toEqual({ return_code: '1000', return_msg: 'SF push: remark is missing' });
    expect((await push('ups', '{}')).status).toBe(404);
  });

  it('reservation → sandbox → waybills (phone verified first) → pushes → normalised events up to delivered', async () => {
    // Reservation.
    await harness.publish(Topics.orderEvents, 'ord-e2e-1', 'InventoryReservationRequested', recordFixture('InventoryReservationRequested', { orderId: 'ord-e2e-1', reservationId: 'rsv-e2e-1', lines: [{ lineId: 'L1', sku: 'TEA-LJ-250G', quantity: 1, warehouseId: null }] }));
    expect(await harness.events.waitFor('InventoryReservationResult', (value) => value.orderId === 'ord-e2e-1')).toMatchObject({ outcome: 'RESERVED' });

    // Sandbox: version 1 passes every check of every sub-order; version 2 asks for more than the warehouse holds.
    await harness.publish(Topics.orderEvents, 'ord-e2e-1', 'DispatchProposed', dispatchProposed('ord-e2e-1', 1, SF_AND_ZTO));
    const passed = await harness.events.waitFor('SandboxValidationResult', (value) => value.orderId === 'ord-e2e-1' && value.planVersion === 1);
    expect(passed.passed).toBe(true);
    expect(passed.checks.map((check) => `${check.subOrderId}:${check.api}:${check.passed}`)).toEqual([
      'S1:WAREHOUSE_INVENTORY:true', 'S1:CARRIER_WAYBILL:true', 'S1:E_WAYBILL:true',
      'S2:WAREHOUSE_INVENTORY:true', 'S2:CARRIER_WAYBILL:true', 'S2:E_WAYBILL:true',
    ]);
    await harness.publish(Topics.orderEvents, 'ord-e2e-1', 'DispatchProposed', dispatchProposed('ord-e2e-1', 2, [{ ...SF_AND_ZTO[0], quantity: 999 }]));
    const failed = await harness.events.waitFor('SandboxValidationResult', (value) => value.orderId === 'ord-e2e-1' && value.planVersion === 2);
    expect(failed.passed).toBe(false);
    expect(failed.checks[0]).toMatchObject({ api: 'WAREHOUSE_INVENTORY', passed: false, detail: expect.stringContaining('TEA-LJ-250G: 49 < 999') });
    const calls = await harness.get<CallLogEntry[]>('/calls?orderId=ord-e2e-1');
    expect(calls.map((call) => call.callId)).toEqual(expect.arrayContaining(failed.checks.map((check) => check.callId)));

    // Waybills: the phone is verified before each waybill is requested, and the request carries the extended fields.
    await harness.publish(Topics.orderEvents, 'ord-e2e-1', 'DispatchPlanned', dispatchPlanned('ord-e2e-1', SF_AND_ZTO));
    const sf = await waitForWaybill('ord-e2e-1', 'S1');
    const zto = await waitForWaybill('ord-e2e-1', 'S2');
    const waybillCalls = (await harness.get<CallLogEntry[]>('/calls?orderId=ord-e2e-1')).filter((call) => ['verify-phone', 'create-waybill'].includes(call.operation));
    expect(waybillCalls.map((call) => `${call.system}:${call.operation}:${call.httpStatus}`)).toEqual(['SF:verify-phone:200', 'SF:create-waybill:200', 'ZTO:verify-phone:200', 'ZTO:create-waybill:200']);
    expect(sf.extendedFields).toMatchObject({ consignee_phone_verified: 'true', dispatch_plan_id: 'dp-ord-e2e-1', sub_order_id: 'S1', delivery_deadline: expect.stringMatching(/\+08:00$/) });
    expect(zto.extendedFields).toMatchObject({ consignee_phone_verified: true, sla_hours: 24 });

    // SF delivers first, its pushes duplicated and out of order: the order is only partially shipped...
    await harness.simulator.carriers.playLifecycle(sf.trackingNumber, { duplicates: true, outOfOrder: true });
    const sfDelivered = await harness.events.waitFor('ShipmentStatusChanged', (value) => value.trackingNumber === sf.trackingNumber && value.status === 'DELIVERED');
    expect(sfDelivered).toMatchObject({ orderId: 'ord-e2e-1', carrier: 'SF', trackingSource: 'SF', orderStage: 'PARTIALLY_SHIPPED', carrierStatusCode: '80', authoritativeStatusCode: '80', trackCredibilityScore: 100 });
    // ...then ZTO delivers and the order as a whole is delivered.
    await harness.simulator.carriers.playLifecycle(zto.trackingNumber);
    const delivered = await harness.events.waitFor('ShipmentStatusChanged', (value) => value.trackingNumber === zto.trackingNumber && value.orderStage === 'DELIVERED');
    expect(delivered).toMatchObject({ status: 'DELIVERED', carrierStatusCode: 'SIGNED', occurredAtText: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/) });

    // One consistent history: each SF event once, in carrier time, whatever the pushes did.
    const { shipment, history } = await harness.get<{ shipment: Shipment; history: TrackRow[] }>(`/shipments/${sf.trackingNumber}`);
    expect(shipment).toMatchObject({ status: 'DELIVERED', stage: 'DELIVERED', credibilityScore: 100 });
    expect(history.map((track) => `${track.carrierStatusCode}/${track.subStatus ?? '-'}`)).toEqual(['50/-', '30/TRUNK', '31/TRUNK', '31/REGIONAL', '44/-', '80/-']);
    // SF writes whole seconds of Beijing local time.
    expect(history.map((track) => track.occurredAt)).toEqual(sf.route.map((event) => Math.floor(event.at / 1000) * 1000));
    expect(history.every((track) => track.authoritativeStatusCode !== null && track.occurredAtOriginal.length === 19)).toBe(true);
    // The stage never went backwards on the topic, however the pushes were ordered.
    const stages = harness.events.of('ShipmentStatusChanged', 'ord-e2e-1').map((event) => event.value.orderStage);
    expect(stages.indexOf('DELIVERED')).toBe(stages.length - 1);
  });

  it('a consignee phone that fails verification blocks the waybill with a review item', async () => {
    await harness.publish(Topics.orderEvents, 'ord-e2e-2', 'OrderPlaced', orderPlaced('ord-e2e-2', '138****0000'));
    await harness.publish(Topics.orderEvents, 'ord-e2e-2', 'DispatchPlanned', dispatchPlanned('ord-e2e-2', [SF_AND_ZTO[0]]));
    const item = await harness.events.waitFor('FulfillmentReviewItemRaised', (value) => value.orderId === 'ord-e2e-2');
    expect(item).toMatchObject({ cause: 'PHONE_VERIFICATION_FAILED', carrier: 'SF', dispatchPlanId: 'dp-ord-e2e-2', rawPayload: expect.stringContaining('A1000') });
    const operations = (await harness.get<CallLogEntry[]>('/calls?orderId=ord-e2e-2')).map((call) => call.operation);
    expect(operations).toEqual(['verify-phone']);
    expect(waybillOf('ord-e2e-2', 'S1')).toBeUndefined();
    expect(await reviewItems('ord-e2e-2')).toHaveLength(1);
  });

  it('late first track → audit; carrier 5xx → attempts recorded; unknown code → review item; tracks from Kafka and polling', async () => {
    await harness.publish(Topics.orderEvents, 'ord-e2e-3', 'OrderPlaced', orderPlaced('ord-e2e-3', '13900139000'));
    await harness.publish(Topics.orderEvents, 'ord-e2e-3', 'DispatchPlanned', dispatchPlanned('ord-e2e-3', [{ subOrderId: 'S1', warehouseId: 'WH-HZ-01', carrier: 'JD', sku: 'TEA-LJ-250G', quantity: 1 }]));
    const jd = await waitForWaybill('ord-e2e-3', 'S1');
    const { shipment } = await waitFor('JD shipment', () => harness.get<{ shipment: Shipment }>(`/shipments/${jd.trackingNumber}`).catch(() => undefined));

    // JD's gateway answers 503 twice: the authoritative query is retried, every attempt recorded; the push still lands.
    harness.simulator.carriers.faults.failNext('JD', 2);
    const push = await harness.simulator.carriers.emit(jd.trackingNumber, '10010', { at: (shipment.shippedAt as number) + 121_000 });
    expect(push?.status).toBe(200);
    const queries = (await harness.get<CallLogEntry[]>(`/calls?trackingNumber=${jd.trackingNumber}`)).filter((call) => call.operation === 'query-route');
    expect(queries.map((call) => [call.attempt, call.httpStatus])).toEqual([[1, 503], [2, 503], [3, 200]]);
    expect(queries[0].retryAfterMs).toBe(50);
    expect(await (await fetch(`${harness.service.url}/metrics`)).text()).toContain('oms_fulfillment_call_attempts_total{system="JD",operation="query-route",status="5xx"} 2');

    // The first track came 121 s after shipment: a manual audit, no score.
    const audit = await harness.events.waitFor('FulfillmentReviewItemRaised', (value) => value.orderId === 'ord-e2e-3' && value.cause === 'TRACK_CREDIBILITY_AUDIT');
    expect(audit.detail).toContain('121 s');
    expect(await harness.events.waitFor('ShipmentStatusChanged', (value) => value.trackingNumber === jd.trackingNumber)).toMatchObject({ status: 'PICKED_UP', orderStage: 'SHIPPED', trackCredibilityScore: null });

    // A code JD never documented: stored, a review item with the raw payload, nothing crashes.
    expect((await harness.simulator.carriers.emit(jd.trackingNumber, '10999', { at: (shipment.shippedAt as number) + 200_000 }))?.status).toBe(200);
    const unknown = await harness.events.waitFor('FulfillmentReviewItemRaised', (value) => value.orderId === 'ord-e2e-3' && value.cause === 'UNKNOWN_CARRIER_STATUS');
    expect(JSON.parse(unknown.rawPayload as string)).toMatchObject({ state: '10999', waybillCode: jd.trackingNumber });

    // A track through oms.ingress.carrier-tracks.v1, then one only the query API knows (polling).
    const t1 = (shipment.shippedAt as number) + 300_000;
    await harness.publish(Topics.ingressCarrierTracks, jd.trackingNumber, 'CarrierTrack', recordFixture('CarrierTrack', {
      carrier: 'JD', trackingNumber: jd.trackingNumber, carrierStatusCode: '10020', carrierStatusText: '分拣中心发货', description: '分拣中心发货', occurredAt: t1, occurredAtText: new Date(t1).toISOString(), rawPayload: JSON.stringify({ state: '10020' }),
    }));
    await waitFor('the Kafka track', async () => (await harness.get<{ history: TrackRow[] }>(`/shipments/${jd.trackingNumber}`)).history.find((track) => track.receivedVia === 'kafka'));
    await harness.simulator.carriers.emit(jd.trackingNumber, '10040', { at: t1 + 60_000, push: false });
    await harness.service.app.get(TrackPoller).pollOnce();
    const { history } = await harness.get<{ history: TrackRow[] }>(`/shipments/${jd.trackingNumber}`);
    expect(history.map((track) => `${track.carrierStatusCode}:${track.receivedVia}:${track.status ?? 'unmapped'}`)).toEqual(['10010:push:PICKED_UP', '10999:push:unmapped', '10020:kafka:IN_TRANSIT', '10040:poll:IN_TRANSIT']);
  });

  it('a YTO parcel goes through the aggregator: Kuaidi100 label, form pushes of the whole route, second-level codes', async () => {
    await harness.publish(Topics.orderEvents, 'ord-e2e-4', 'OrderPlaced', orderPlaced('ord-e2e-4', '13700137000'));
    await harness.publish(Topics.orderEvents, 'ord-e2e-4', 'DispatchPlanned', dispatchPlanned('ord-e2e-4', [{ subOrderId: 'S1', warehouseId: 'WH-HZ-01', carrier: 'YTO', sku: 'TEA-LJ-250G', quantity: 1 }]));
    const yto = await waitForWaybill('ord-e2e-4', 'S1');
    expect(yto).toMatchObject({ source: 'KUAIDI100', company: 'yuantong', extendedFields: { consignee_phone_verified: true } });
    await harness.simulator.carriers.playLifecycle(yto.trackingNumber, { duplicates: true });
    const delivered = await harness.events.waitFor('ShipmentStatusChanged', (value) => value.trackingNumber === yto.trackingNumber && value.status === 'DELIVERED');
    expect(delivered).toMatchObject({ orderId: 'ord-e2e-4', carrier: 'YTO', trackingSource: 'KUAIDI100', orderStage: 'DELIVERED', carrierStatusCode: '301' });
    const { history } = await harness.get<{ history: TrackRow[] }>(`/shipments/${yto.trackingNumber}`);
    expect(history.map((track) => `${track.carrierStatusCode}:${track.status}/${track.subStatus ?? '-'}`)).toEqual(['103:PICKED_UP/-', '1002:IN_TRANSIT/TRUNK', '1001:IN_TRANSIT/REGIONAL', '5:OUT_FOR_DELIVERY/-', '301:DELIVERED/-']);
  });

  it('tracks reaching the carrier-tracks topic together (most likely one chunk): each event once, a change per message that moved the status, none for a duplicate or an older one', async () => {
    await harness.publish(Topics.orderEvents, 'ord-e2e-7', 'OrderPlaced', orderPlaced('ord-e2e-7', '13900139000'));
    await harness.publish(Topics.orderEvents, 'ord-e2e-7', 'DispatchPlanned', dispatchPlanned('ord-e2e-7', [SF_AND_ZTO[0]]));
    const sf = await waitForWaybill('ord-e2e-7', 'S1');
    const t0 = Date.now();
    const track = (seq: number, code: string, at: number, nodeType?: string) => ({
      key: sf.trackingNumber,
      messageId: `chunk-e2e-7-${seq}`,
      value: recordFixture('CarrierTrack', { carrier: 'SF', trackingNumber: sf.trackingNumber, carrierStatusCode: code, carrierStatusText: code, description: code, occurredAt: at, occurredAtText: new Date(at).toISOString(), rawPayload: JSON.stringify({ opCode: code, nodeType }) }),
    });
    // picked up, in transit (hub), picked up again (a duplicate of message 0), out for delivery, an older trunk arrival arriving late.
    await harness.publishAll(Topics.ingressCarrierTracks, 'CarrierTrack', [track(0, '50', t0), track(1, '30', t0 + 60_000, 'TRANSIT_HUB'), track(2, '50', t0), track(3, '44', t0 + 180_000), track(4, '31', t0 + 120_000, 'TRANSIT_HUB')]);
    await harness.events.waitFor('ShipmentStatusChanged', (value) => value.trackingNumber === sf.trackingNumber && value.carrierStatusCode === '44');
    const { history, shipment } = await waitFor('four events stored', async () => {
      const answer = await harness.get<{ history: TrackRow[]; shipment: Shipment }>(`/shipments/${sf.trackingNumber}`);
      return answer.history.length === 4 && answer;
    });
    expect(history.map((row) => `${row.carrierStatusCode}:${row.receivedVia}`)).toEqual(['50:kafka', '30:kafka', '31:kafka', '44:kafka']);
    expect(shipment).toMatchObject({ status: 'OUT_FOR_DELIVERY', stage: 'IN_DELIVERY' });
    // The authoritative status was fetched before the tracks were written (the simulator knows no route: null, still written).
    expect((await harness.get<CallLogEntry[]>(`/calls?trackingNumber=${sf.trackingNumber}`)).some((call) => call.operation === 'query-route')).toBe(true);
    // A batched query lists every order of its waybills: found by order too.
    expect((await harness.get<CallLogEntry[]>('/calls?orderId=ord-e2e-7')).map((call) => call.operation)).toEqual(expect.arrayContaining(['verify-phone', 'create-waybill', 'query-route']));
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // nothing else may follow
    const changes = harness.events.of('ShipmentStatusChanged', 'ord-e2e-7').map((event) => `${event.value.carrierStatusCode}:${event.value.orderStage}`);
    expect(changes).toEqual(['50:SHIPPED', '30:SHIPPED', '44:IN_DELIVERY']);
  });

  it('WMS scans are linked to their plan; the carrier pick-up scan is the shipment time the first track is scored against', async () => {
    await harness.publish(Topics.orderEvents, 'ord-e2e-5', 'OrderPlaced', orderPlaced('ord-e2e-5', '13600136000'));
    await harness.publish(Topics.orderEvents, 'ord-e2e-5', 'DispatchPlanned', dispatchPlanned('ord-e2e-5', [SF_AND_ZTO[0]]));
    const sf = await waitForWaybill('ord-e2e-5', 'S1');
    const { shipment } = await waitFor('SF shipment', () => harness.get<{ shipment: Shipment }>(`/shipments/${sf.trackingNumber}`).catch(() => undefined));
    const pickedUpAt = (shipment.shippedAt as number) + 100_000;
    await harness.publish(Topics.ingressWmsScans, 'dp-ord-e2e-5', 'WmsScan', recordFixture('WmsScan', {
      scanId: 'scan-e2e-5-pickup', dispatchPlanId: 'dp-ord-e2e-5', subOrderId: 'S1', orderId: 'ord-e2e-5', scanType: 'CARRIER_PICKUP', carrier: 'SF', trackingNumber: sf.trackingNumber, scannedAt: pickedUpAt, scannedAtText: formatShanghaiTime(pickedUpAt),
    }));
    const scans = await waitFor('the scan', async () => {
      const rows = await harness.get<ScanRow[]>('/scans?dispatchPlanId=dp-ord-e2e-5');
      return rows.length > 0 && rows;
    });
    expect(scans).toEqual([expect.objectContaining({ scanType: 'CARRIER_PICKUP', subOrderId: 'S1', trackingNumber: sf.trackingNumber, scannedAt: pickedUpAt })]);
    // 10 s after the pick-up (110 s after the waybill): full credibility, measured from the hand-over.
    await harness.simulator.carriers.emit(sf.trackingNumber, '50', { at: pickedUpAt + 10_000 });
    expect(await harness.events.waitFor('ShipmentStatusChanged', (value) => value.trackingNumber === sf.trackingNumber)).toMatchObject({ status: 'PICKED_UP', trackCredibilityScore: 100 });
  });

  it('a pick-up scan arriving after the first track scores that track again from the hand-over', async () => {
    await harness.publish(Topics.orderEvents, 'ord-e2e-6', 'OrderPlaced', orderPlaced('ord-e2e-6', '13500135000'));
    await harness.publish(Topics.orderEvents, 'ord-e2e-6', 'DispatchPlanned', dispatchPlanned('ord-e2e-6', [SF_AND_ZTO[0]]));
    const sf = await waitForWaybill('ord-e2e-6', 'S1');
    const firstTrackAt = Math.floor((Date.now() + 5_000) / 1000) * 1000; // SF writes whole seconds
    await harness.simulator.carriers.emit(sf.trackingNumber, '50', { at: firstTrackAt });
    await harness.events.waitFor('ShipmentStatusChanged', (value) => value.trackingNumber === sf.trackingNumber && value.trackCredibilityScore === 100);
    // The WMS says the parcel left 150 s before the carrier's first track: that gap is audited.
    const pickedUpAt = firstTrackAt - 150_000;
    await harness.publish(Topics.ingressWmsScans, 'dp-ord-e2e-6', 'WmsScan', recordFixture('WmsScan', {
      scanId: 'scan-e2e-6-pickup', dispatchPlanId: 'dp-ord-e2e-6', subOrderId: 'S1', orderId: 'ord-e2e-6', scanType: 'CARRIER_PICKUP', carrier: 'SF', trackingNumber: sf.trackingNumber, scannedAt: pickedUpAt, scannedAtText: formatShanghaiTime(pickedUpAt),
    }));
    const audit = await harness.events.waitFor('FulfillmentReviewItemRaised', (value) => value.orderId === 'ord-e2e-6' && value.cause === 'TRACK_CREDIBILITY_AUDIT');
    expect(audit.detail).toContain('150 s');
    const { shipment } = await harness.get<{ shipment: Shipment }>(`/shipments/${sf.trackingNumber}`);
    expect(shipment).toMatchObject({ shippedAt: pickedUpAt, credibilityScore: null });
  });

  // Uses the orders above (tests of one file run in order): ord-e2e-1 was reported DELIVERED, ord-e2e-3 SHIPPED.
  it('raises STATUS_SYNC_LAG for an order whose state has not followed its carriers, not for one that has', async () => {
    await harness.publish(Topics.orderEvents, 'ord-e2e-1', 'OrderShipmentProgressed', recordFixture('OrderShipmentProgressed', { orderId: 'ord-e2e-1', dispatchPlanId: 'dp-ord-e2e-1', progress: 'DELIVERED' }));
    await harness.publish(Topics.orderEvents, 'ord-e2e-3', 'OrderShipmentProgressed', recordFixture('OrderShipmentProgressed', { orderId: 'ord-e2e-3', dispatchPlanId: 'dp-ord-e2e-3', progress: 'PARTIALLY_SHIPPED' }));
    const detector = harness.service.app.get(StatusLagDetector);
    await waitFor('order stages read from the order log', async () => (await harness.db.pool.query('SELECT 1 FROM recorded_order_stages')).rowCount === 2);
    expect(await detector.checkOnce(Date.now())).toBe(0); // not yet past the configured lag (600 s)
    // Past it, ord-e2e-3 lags (PARTIALLY_SHIPPED recorded, SHIPPED reported); ord-e2e-1 does not (DELIVERED both).
    expect(await detector.checkOnce(Date.now() + 601_000)).toBeGreaterThanOrEqual(1);
    const lag = await harness.events.waitFor('FulfillmentReviewItemRaised', (value) => value.cause === 'STATUS_SYNC_LAG' && value.orderId === 'ord-e2e-3');
    expect(lag).toMatchObject({ orderId: 'ord-e2e-3', dispatchPlanId: 'dp-ord-e2e-3', detail: expect.stringContaining('still shows PARTIALLY_SHIPPED') });
    expect((await reviewItems('ord-e2e-1')).map((item) => item.cause)).not.toContain('STATUS_SYNC_LAG');
  });
});
