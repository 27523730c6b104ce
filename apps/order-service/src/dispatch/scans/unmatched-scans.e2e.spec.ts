import { Topics, type WmsScan } from '@oms/contracts';
import { waitFor } from '@oms/testing';
import type { UnmatchedScansPage } from '../query/unmatched-scans.query';
import { newRunId } from '../../testing/ingress-records';
import { startHarness, type ServiceHarness } from '../../testing/service-harness';

jest.setTimeout(90_000);

// A scan whose plan id no plan has and that names no order has no stream to raise a review item
// on: operators find it in GET /dispatch-plans/unmatched-scans (service in process, real broker
// and database, own schema and topic prefix).
describe('scans of unknown plans without an order are listed for operators', () => {
  let h: ServiceHarness;
  const runId = newRunId();
  const scannedAt = Date.parse('2026-01-21T09:00:00.000+08:00');
  const stray = (name: string): WmsScan => ({
    scanId: `${runId}-${name}`, dispatchPlanId: `DP-NOPE-${runId}-${name}`, planVersion: null, subOrderId: null, orderId: null, scanType: 'OUTBOUND',
    warehouseId: 'WH-OWN-HZ', stationId: 'dock-3', operatorId: `op-${name}`, carrier: 'SF', trackingNumber: `SF-${name}`, packageWeightGrams: 640, items: [],
    scannedAt, scannedAtText: '2026-01-21T09:00:00+08:00',
  });
  const list = async (query = ''): Promise<UnmatchedScansPage> => {
    const response = await fetch(`${h.service.url}/dispatch-plans/unmatched-scans${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as UnmatchedScansPage;
  };

  beforeAll(async () => {
    h = await startHarness();
    // One at a time, each waited for: the list's newest-first order is then the publishing order.
    for (const name of ['a', 'b', 'c']) {
      await h.publish(Topics.ingressWmsScans, `DP-NOPE-${runId}-${name}`, 'WmsScan', stray(name));
      await waitFor(`scan ${name} kept`, async () => (await list()).items.some((item) => item.scanId === `${runId}-${name}`));
    }
  });
  afterAll(() => h?.close());

  it('pages them newest first, each with its reason and the scan as sent', async () => {
    const first = await list('?limit=2');
    expect(first.items.map((item) => item.scanId)).toEqual([`${runId}-c`, `${runId}-b`]);
    expect(first.items[0]).toMatchObject({
      dispatchPlanId: `DP-NOPE-${runId}-c`, reason: `no dispatch plan DP-NOPE-${runId}-c exists`, recordedAt: expect.stringMatching(/Z$/),
      scan: { scanId: `${runId}-c`, scanType: 'OUTBOUND', warehouseId: 'WH-OWN-HZ', stationId: 'dock-3', operatorId: 'op-c', trackingNumber: 'SF-c', orderId: null, scannedAt },
    });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((item) => item.scanId)).toEqual([`${runId}-a`]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a page size out of range or a cursor it did not hand out, and still answers 404 for the unknown plan itself', async () => {
    for (const query of ['?limit=0', '?limit=201', '?limit=two', '?cursor=not-a-cursor']) {
      expect((await fetch(`${h.service.url}/dispatch-plans/unmatched-scans${query}`)).status).toBe(400);
    }
    const unknown = await fetch(`${h.service.url}/dispatch-plans/DP-NOPE-${runId}-a`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toContain('1 scan(s)');
  });

  it('is described in the OpenAPI document', async () => {
    const openApi = (await (await fetch(`${h.service.url}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(['/dispatch-plans/unmatched-scans', '/dispatch-plans/{id}']));
  });
});
