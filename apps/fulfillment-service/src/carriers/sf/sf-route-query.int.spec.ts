import { migrateDatabase } from '@oms/postgres';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { CallLogRepository } from '../../calls/call-log.repository';
import { RecordedHttpClient } from '../../calls/recorded-http.client';
import { ALL_MIGRATIONS } from '../../database/all-migrations';
import { startLogisticsSimulator, type LogisticsSimulator } from '../../testing/logistics-simulator';
import type { WaybillRequest } from '../carrier-adapter';
import { SfAdapter } from './sf.adapter';

// The batched authoritative-status query: SF answers up to ten routes per request. Against the SF
// simulator over HTTP, with the call log in a real PostgreSQL schema.
describe('SfAdapter.queryRoutes', () => {
  let db: TestSchema;
  let simulator: LogisticsSimulator;
  let log: CallLogRepository;
  let sf: SfAdapter;
  const waybills: Array<{ trackingNumber: string; orderId: string }> = [];

  beforeAll(async () => {
    db = await createTestSchema('fs_sf_routes');
    await migrateDatabase({ url: db.url, schema: db.schema, migrations: ALL_MIGRATIONS });
    simulator = await startLogisticsSimulator();
    log = new CallLogRepository(db.pool);
    sf = new SfAdapter(new RecordedHttpClient(log, { maxAttempts: 2, backoffMs: 10, timeoutMs: 5_000 }), simulator.url);
    for (let n = 0; n < 12; n++) {
      const orderId = `ord-sfq-${n}`;
      const answer = await sf.requestWaybill(waybillRequest(orderId), false);
      const trackingNumber = answer.trackingNumber as string;
      waybills.push({ trackingNumber, orderId });
      // n route events for waybill n, in the query API only: the last one is its current status.
      for (let step = 0; step <= n % 3; step++) await simulator.carriers.emit(trackingNumber, ['50', '30', '44'][step] as string, { push: false, nodeType: 'TRANSIT_HUB', at: Date.now() + step * 1_000 });
    }
  });
  afterAll(async () => {
    await simulator?.stop();
    await db?.drop();
  });

  it('asks for twelve waybills in two calls and answers each one its own route', async () => {
    const before = await db.pool.query("SELECT count(*)::int AS n FROM external_calls WHERE operation = 'query-route'");
    const routes = await sf.queryRoutes(waybills.map(({ trackingNumber, orderId }) => ({ trackingNumber, carrier: 'SF', orderIds: [orderId] })));
    const after = await db.pool.query("SELECT count(*)::int AS n FROM external_calls WHERE operation = 'query-route'");
    expect(after.rows[0].n - before.rows[0].n).toBe(2);
    expect([...routes.keys()].sort()).toEqual(waybills.map((waybill) => waybill.trackingNumber).sort());
    waybills.forEach(({ trackingNumber }, n) => {
      expect(routes.get(trackingNumber)?.map((track) => track.carrierStatusCode)).toEqual(['50', '30', '44'].slice(0, (n % 3) + 1));
      expect(routes.get(trackingNumber)?.every((track) => track.trackingNumber === trackingNumber)).toBe(true);
    });
  });

  it('keeps each batched call findable in the call log by every waybill and every order it concerned', async () => {
    const last = waybills[11] as { trackingNumber: string; orderId: string };
    const byWaybill = (await log.byTrackingNumber(last.trackingNumber)).filter((call) => call.operation === 'query-route');
    const byOrder = (await log.byOrder(last.orderId)).filter((call) => call.operation === 'query-route');
    expect(byWaybill).toHaveLength(1);
    expect(byOrder.map((call) => call.callId)).toEqual(byWaybill.map((call) => call.callId));
    expect(byWaybill[0]).toMatchObject({ system: 'SF', httpStatus: 200, attempt: 1, trackingNumber: null, trackingNumbers: [waybills[10]?.trackingNumber, last.trackingNumber] });
  });

  it('leaves the waybills of a request that failed through every attempt out of the answer, each attempt recorded', async () => {
    simulator.carriers.faults.failNext('SF', 2);
    const routes = await sf.queryRoutes(waybills.slice(0, 3).map(({ trackingNumber, orderId }) => ({ trackingNumber, carrier: 'SF', orderIds: [orderId] })));
    expect(routes.size).toBe(0);
    const calls = (await log.byTrackingNumber(waybills[0]?.trackingNumber as string)).filter((call) => call.operation === 'query-route');
    expect(calls.slice(-2).map((call) => [call.attempt, call.httpStatus])).toEqual([[1, 503], [2, 503]]);
  });
});

function waybillRequest(orderId: string): WaybillRequest {
  return {
    orderId,
    carrier: 'SF',
    merchantOrderRef: `dp-${orderId}-S1`,
    warehouseId: 'WH-HZ-01',
    consignee: { name: '张三', phone: '13800138000', address: { countryCode: 'CN', province: '浙江省', city: '杭州市', district: '西湖区', street: null, detail: '文三路 1 号', postalCode: '310000' } },
    extended: { consignee_phone_verified: true, delivery_deadline: '2026-12-03T18:00:00+08:00', dispatch_plan_id: `dp-${orderId}`, sub_order_id: 'S1', sla_hours: 24, customs_clearance_required: false, declared_weight_grams: 500 },
  };
}
