import type { Logger } from 'pino';
import type { CarrierAdapter, ParsedTrack } from '../carriers/carrier-adapter';
import type { CarrierRegistry } from '../carriers/carrier-registry';
import type { Shipment } from './shipment.repository';

/** Route queries in flight at once per carrier API whose query takes one waybill. */
const QUERIES_AT_ONCE = 8;

/**
 * The carriers' authoritative current status of several shipments (DESIGN.md: fetched before a
 * track event is written): the last event of each waybill's route from the carrier's query API.
 * Waybills of one carrier go in as few calls as its API allows, all carriers at once. A waybill
 * whose query failed through every recorded attempt is missing from the answer (its tracks are
 * still written, without it).
 */
export class AuthoritativeStatus {
  constructor(
    private readonly carriers: CarrierRegistry,
    private readonly logger: Logger,
  ) {}

  async of(shipments: Shipment[]): Promise<Map<string, ParsedTrack>> {
    const byAdapter = new Map<CarrierAdapter, Shipment[]>();
    for (const shipment of shipments) {
      const adapter = this.carriers.forCarrier(shipment.carrier);
      byAdapter.set(adapter, [...(byAdapter.get(adapter) ?? []), shipment]);
    }
    const routes = (await Promise.all([...byAdapter].map(([adapter, group]) => this.routesOf(adapter, group)))).flatMap((answer) => [...answer]);
    const current = new Map<string, ParsedTrack>();
    for (const [trackingNumber, route] of routes) {
      const last = route.at(-1);
      if (last) current.set(trackingNumber, last);
    }
    const answered = new Set(routes.map(([trackingNumber]) => trackingNumber));
    const missing = shipments.filter((shipment) => !answered.has(shipment.trackingNumber as string));
    if (missing.length > 0) this.logger.warn({ trackingNumbers: missing.map((shipment) => shipment.trackingNumber) }, 'authoritative status unavailable; tracks written without it');
    return current;
  }

  private async routesOf(adapter: CarrierAdapter, shipments: Shipment[]): Promise<Map<string, ParsedTrack[]>> {
    const refs = shipments.map((shipment) => ({ trackingNumber: shipment.trackingNumber as string, carrier: shipment.carrier, orderIds: shipment.orderIds }));
    if (adapter.queryRoutes) return adapter.queryRoutes(refs).catch(() => new Map<string, ParsedTrack[]>());
    // One waybill per call: a few at a time, so a large chunk does not flood the carrier's API.
    const routes = new Map<string, ParsedTrack[]>();
    const pending = [...refs];
    const worker = async () => {
      for (let ref = pending.shift(); ref; ref = pending.shift()) {
        const route = await adapter.queryRoute(ref.trackingNumber, ref.carrier, ref.orderIds[0] ?? null).catch(() => undefined);
        if (route) routes.set(ref.trackingNumber, route);
      }
    };
    await Promise.all(Array.from({ length: Math.min(QUERIES_AT_ONCE, pending.length) }, worker));
    return routes;
  }
}
