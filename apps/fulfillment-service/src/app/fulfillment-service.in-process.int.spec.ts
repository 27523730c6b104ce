import type { PoolClient } from 'pg';
import { Topics } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import { InProcessBus, PostgresInboxStore } from '@oms/messaging';
import type { CallLogEntry } from '../calls/call-log.repository';
import { startFulfillmentHarness, type FulfillmentHarness } from '../testing/fulfillment-harness';

// The composed-runner path: the service on an InProcessBus handed in through the overrides, with
// the real warehouse simulator over HTTP and a real PostgreSQL schema.
describe('fulfillment-service on a shared in-process bus: inventory reservation', () => {
  let harness: FulfillmentHarness;

  beforeAll(async () => {
    harness = await startFulfillmentHarness({ bus: (db) => new InProcessBus<PoolClient>({ inbox: new PostgresInboxStore(db.pool) }), backoffMs: 100 });
  });
  afterAll(() => harness?.close());

  const request = (orderId: string, lines: Array<{ lineId: string; sku: string; quantity: number }>) =>
    recordFixture('InventoryReservationRequested', { orderId, reservationId: `rsv-${orderId}`, lines: lines.map((line) => ({ ...line, warehouseId: null })) });

  it('reserves real stock and answers RESERVED with the warehouse of each line', async () => {
    await harness.publish(Topics.orderEvents, 'ord-ip-1', 'InventoryReservationRequested', request('ord-ip-1', [{ lineId: 'L1', sku: 'TEA-LJ-250G', quantity: 2 }]));
    const result = await harness.events.waitFor('InventoryReservationResult', (value) => value.orderId === 'ord-ip-1');
    expect(result).toMatchObject({ reservationId: 'rsv-ord-ip-1', outcome: 'RESERVED', failureReason: null, lines: [{ lineId: 'L1', sku: 'TEA-LJ-250G', quantity: 2, warehouseId: 'WH-HZ-01' }] });
    expect(result.decidedAtText).toMatch(/\+08:00$/);
    expect(harness.simulator.stock.level('WH-HZ-01', 'TEA-LJ-250G')).toMatchObject({ onHand: 50, reserved: 2 });
  });

  it('answers FAILED with OUT_OF_STOCK and the WMS’s words when stock is short, reserving nothing', async () => {
    await harness.publish(Topics.orderEvents, 'ord-ip-2', 'InventoryReservationRequested', request('ord-ip-2', [{ lineId: 'L1', sku: 'TEA-BLC-100G', quantity: 4 }]));
    const result = await harness.events.waitFor('InventoryReservationResult', (value) => value.orderId === 'ord-ip-2');
    expect(result).toMatchObject({ outcome: 'FAILED', failureReason: 'OUT_OF_STOCK', failureDetail: 'not enough stock of TEA-BLC-100G' });
    expect(harness.simulator.stock.level('WH-HZ-01', 'TEA-BLC-100G')).toMatchObject({ reserved: 0 });
  });

  it('retries a warehouse answering 503 with backoff, recording every attempt, and still reserves once', async () => {
    harness.simulator.carriers.faults.failNext('WAREHOUSE', 2);
    await harness.publish(Topics.orderEvents, 'ord-ip-3', 'InventoryReservationRequested', request('ord-ip-3', [{ lineId: 'L1', sku: 'CUP-GLASS-300', quantity: 1 }]));
    await harness.events.waitFor('InventoryReservationResult', (value) => value.orderId === 'ord-ip-3' && value.outcome === 'RESERVED');
    const calls = await harness.get<CallLogEntry[]>('/calls?orderId=ord-ip-3');
    expect(calls.map(({ attempt, httpStatus, retryAfterMs, operation }) => ({ attempt, httpStatus, retryAfterMs, operation }))).toEqual([
      { attempt: 1, httpStatus: 503, retryAfterMs: 100, operation: 'reserve-inventory' },
      { attempt: 2, httpStatus: 503, retryAfterMs: 200, operation: 'reserve-inventory' },
      { attempt: 3, httpStatus: 200, retryAfterMs: null, operation: 'reserve-inventory' },
    ]);
    // The backoff was waited, not just written down.
    const started = calls.map((call) => Date.parse(call.startedAt));
    expect(started[1] - started[0]).toBeGreaterThanOrEqual(100);
    expect(started[2] - started[1]).toBeGreaterThanOrEqual(200);
    expect(new Set(calls.map((call) => call.requestId)).size).toBe(1);
    expect(JSON.parse(calls[0].requestBody as string)).toMatchObject({ reservationId: 'rsv-ord-ip-3' });
    expect(harness.simulator.stock.level('WH-SH-02', 'CUP-GLASS-300')).toMatchObject({ reserved: 1 });
  });

  it('loses nothing when the warehouse stays down through every attempt: the message is retried later and catches up', async () => {
    harness.simulator.carriers.faults.failNext('WAREHOUSE', 4); // three attempts of the first call, one of the next
    await harness.publish(Topics.orderEvents, 'ord-ip-4', 'InventoryReservationRequested', request('ord-ip-4', [{ lineId: 'L1', sku: 'CUP-GLASS-300', quantity: 1 }]));
    await harness.events.waitFor('InventoryReservationResult', (value) => value.orderId === 'ord-ip-4' && value.outcome === 'RESERVED');
    const calls = await harness.get<CallLogEntry[]>('/calls?orderId=ord-ip-4');
    expect(calls.map((call) => call.httpStatus)).toEqual([503, 503, 503, 503, 200]);
    // Two calls (the handler ran twice), every attempt of both recorded; the last attempt of the first waited for nothing.
    expect(new Set(calls.map((call) => call.requestId)).size).toBe(2);
    expect(calls.map((call) => call.retryAfterMs)).toEqual([100, 200, null, 100, null]);
    expect(harness.events.of('InventoryReservationResult', 'ord-ip-4')).toHaveLength(1);
  });
});
