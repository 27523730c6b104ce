import { kafkaEnvOf } from '../infrastructure/backbone-bus';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the composition root starts fulfillment-service in this process
import { startFulfillmentService } from '../../../fulfillment-service/src/app/fulfillment-service.app';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadFulfillmentServiceConfig } from '../../../fulfillment-service/src/config/fulfillment-service.config';
import { getJson, mapConcurrently } from '../summary/http-json';
import { count, type SummarySection, type Tally } from '../summary/summary-section';
import type { ServicePart } from './service-part';

/** The schema fulfillment-service owns (its default). */
const FULFILLMENT_SCHEMA = 'fulfillment_service';

interface Waybill {
  trackingNumber: string;
}
interface ShipmentView {
  shipment: { status: string | null; waybillState: string };
}
interface FulfilmentReviewItem {
  cause?: string;
  trackingNumber?: string | null;
  raisedAt?: number;
}

/**
 * Whether a review item belongs to this run: one about a parcel, when the parcel is one of this
 * run's waybills; any other, when raised since the run started. The service's schema may be
 * shared with earlier runs (an existing DATABASE_URL), whose items stay in its queue.
 */
function ofThisRun(item: FulfilmentReviewItem, waybills: ReadonlySet<string>, runStartedAt: Date): boolean {
  return item.trackingNumber ? waybills.has(item.trackingNumber) : (item.raisedAt ?? 0) >= runStartedAt.getTime();
}

/** fulfillment-service: reservation, sandbox validation of dispatch proposals, waybills, tracking. */
export const fulfillmentServicePart: ServicePart = {
  name: 'fulfillment-service',
  available: true,
  async start(context) {
    const { logistics } = context;
    if (!logistics) throw new Error('fulfillment-service needs the logistics simulators started first');
    const config = loadFulfillmentServiceConfig({
      DATABASE_URL: context.databaseUrl,
      DATABASE_SCHEMA: FULFILLMENT_SCHEMA,
      HTTP_PORT: '0',
      ...kafkaEnvOf(context.bus),
      WAREHOUSE_API_URL: logistics.url,
      E_WAYBILL_API_URL: logistics.url,
      SF_API_URL: logistics.url,
      ZTO_API_URL: logistics.url,
      JD_API_URL: logistics.url,
      KUAIDI100_API_URL: logistics.url,
      CALL_BACKOFF_MS: '100',
    });
    const shared = context.bus.kind === 'in-process' ? context.bus.forSchema(context.databaseUrl, FULFILLMENT_SCHEMA, 'fulfillment-service-bus') : undefined;
    const { app, url } = await startFulfillmentService(config, context.logger.child({ service: 'fulfillment-service' }), { bus: shared?.bus });
    logistics.setPushBaseUrl(url);
    return {
      url,
      stop: async () => {
        await app.close();
        await shared?.close();
      },
    };
  },
  async summarize(context): Promise<SummarySection> {
    const base = context.endpoints['fulfillment-service'];
    const logistics = context.endpoints['logistics-simulators'];
    const parcels: Tally = {};
    // Which waybills exist is the carriers' knowledge; each one's status is the service's.
    const waybills = logistics ? await getJson<Waybill[]>(`${logistics}/simulator/carriers/waybills`) : [];
    await mapConcurrently(waybills, 8, async ({ trackingNumber }) => {
      const view = await getJson<ShipmentView>(`${base}/shipments/${encodeURIComponent(trackingNumber)}`).catch(() => undefined);
      count(parcels, view ? (view.shipment.status ?? `no track yet (waybill ${view.shipment.waybillState.toLowerCase()})`) : 'unknown to fulfillment-service');
    });
    const reviews: Tally = {};
    const ours = new Set(waybills.map((waybill) => waybill.trackingNumber));
    for (const item of await getJson<FulfilmentReviewItem[]>(`${base}/review-items`)) if (ofThisRun(item, ours, context.runStartedAt)) count(reviews, item.cause ?? 'unknown');
    return { part: 'fulfillment-service', tallies: { 'parcels by status': parcels, 'review items by cause (fulfillment-service)': reviews }, figures: { waybills: waybills.length }, files: [] };
  },
};
