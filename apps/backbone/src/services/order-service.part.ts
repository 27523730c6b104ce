import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPool } from '@oms/postgres';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the composition root starts order-service in this process
import { startOrderService } from '../../../order-service/src/app/order-service.app';
// eslint-disable-next-line @nx/enforce-module-boundaries -- idem
import { loadOrderServiceConfig } from '../../../order-service/src/config/order-service.config';
import { scenarioCatalogJson } from '../scenario/scenario-catalog';
import { kafkaEnvOf } from '../infrastructure/backbone-bus';
import { getJson, mapConcurrently } from '../summary/http-json';
import { count, type SummarySection, type Tally } from '../summary/summary-section';
import type { ServicePart, SummaryContext } from './service-part';

/** How long a ready order waits for its customer's related orders (30 s in production). */
const DEMO_DISPATCH_WINDOW_MS = 5_000;

/** The schema order-service owns (its default). */
export const ORDER_SERVICE_SCHEMA = 'order_service';

interface OrderStateView {
  state: { status: string; invoice: unknown };
}
interface OrderEventView {
  type: string;
  payload: { cause?: string; detailedCause?: string | null; dispatchPlanId?: string; planVersion?: number };
}

/** Ids of the orders placed during this run, from the service's own event store. */
async function ordersPlacedSince(context: SummaryContext): Promise<string[]> {
  const pool = createPool({ url: context.databaseUrl, schema: context.orderServiceSchema ?? ORDER_SERVICE_SCHEMA, max: 1, applicationName: 'backbone-summary' });
  try {
    const { rows } = await pool.query<{ stream_id: string }>(`SELECT stream_id FROM events WHERE event_type = 'OrderPlaced' AND recorded_at >= $1 ORDER BY global_position`, [context.runStartedAt]);
    return rows.map((row) => row.stream_id);
  } finally {
    await pool.end();
  }
}

/** order-service: the order state machine over the event store, its read/audit API. */
export const orderServicePart: ServicePart = {
  name: 'order-service',
  available: true,
  async start(context) {
    // The dispatch engine splits by the SKUs' fulfilment vectors: the promotion's catalog.
    const catalogFile = join(context.workDir, 'sku-catalog.json');
    mkdirSync(context.workDir, { recursive: true });
    writeFileSync(catalogFile, scenarioCatalogJson());
    const config = loadOrderServiceConfig({
      DATABASE_URL: context.databaseUrl,
      DATABASE_SCHEMA: ORDER_SERVICE_SCHEMA,
      DATABASE_POOL_SIZE: '12',
      ...kafkaEnvOf(context.bus),
      HTTP_PORT: '0',
      JWT_SECRET: context.merchant.jwtSecret,
      DISPATCH_CATALOG_FILE: catalogFile,
      // Related orders of a customer arrive within seconds in the burst: a short window keeps the demo brisk.
      DISPATCH_DECISION_WINDOW: `PT${DEMO_DISPATCH_WINDOW_MS / 1000}S`,
    });
    const logger = context.logger.child({ service: 'order-service' });
    const { bus } = context;
    const { app, url } = await startOrderService(config, logger, bus.kind === 'in-process' ? { createBus: (pool) => bus.forPool(pool) } : {});
    return { url, stop: () => app.close() };
  },
  async summarize(context): Promise<SummarySection> {
    const base = context.endpoints['order-service'];
    const ids = await ordersPlacedSince(context);
    const byState: Tally = {};
    const reviewByCause: Tally = {};
    let invoiced = 0;
    // A plan covers every order planned together (related orders): count plan versions, not orders.
    const issued = new Set<string>();
    const rejected = new Set<string>();
    await mapConcurrently(ids, 8, async (id) => {
      const [view, events] = await Promise.all([getJson<OrderStateView>(`${base}/orders/${id}`), getJson<OrderEventView[]>(`${base}/orders/${id}/events`)]);
      count(byState, view.state.status);
      if (view.state.invoice) invoiced++;
      for (const event of events) {
        if (event.type === 'ReviewItemRaised') count(reviewByCause, event.payload.detailedCause ?? event.payload.cause ?? 'unknown');
        if (event.type === 'DispatchPlanned') issued.add(`${event.payload.dispatchPlanId}@${event.payload.planVersion}`);
        if (event.type === 'DispatchProposalRejected') rejected.add(`${event.payload.dispatchPlanId}@${event.payload.planVersion}`);
      }
    });
    return { part: 'order-service', tallies: { 'orders by state': byState, 'review items by cause (order-service)': reviewByCause, 'dispatch plans by outcome': { issued: issued.size, 'rejected in sandbox': rejected.size } }, figures: { 'orders placed': ids.length, 'orders invoiced': invoiced }, files: [] };
  },
};
