import { httpExchange } from '@oms/http-client';
import { json, type SimulatorRouter } from '../http/simulator-router';
import { CarrierBook, type SimulatedEvent, type SimulatedSource, type SimulatedWaybill } from './carrier-book';
import type { CarrierDialect } from './carrier-dialect';
import { FaultPlan } from './fault-plan';
import { jdDialect } from './jd.dialect';
import { kuaidi100Dialect } from './kuaidi100.dialect';
import { ServiceArea } from './service-area';
import { sfDialect } from './sf.dialect';
import { ztoDialect } from './zto.dialect';

/** Every simulated carrier API. */
export const CARRIER_DIALECTS: readonly CarrierDialect[] = [sfDialect, ztoDialect, jdDialect, kuaidi100Dialect];

/** One push the simulator delivered (or tried to). */
export interface DeliveredPush {
  source: SimulatedSource;
  trackingNumber: string;
  codes: string[];
  status: number | null;
  attempts: number;
}

/** Options of one event. */
export interface EmitOptions {
  nodeType?: string;
  /** Carrier time, epoch ms (default now). */
  at?: number;
  site?: string;
  /** Deliver it to the push endpoint (default true); false = only the query API shows it. */
  push?: boolean;
}

/** How {@link CarrierSimulator.playLifecycle} misbehaves, as real carriers do. */
export interface LifecycleOptions {
  /** Gap between the waybill and the first track (a late first track: over 120 s). Default 5 s. */
  firstTrackAfterMs?: number;
  stepMs?: number;
  /** Push neighbours swapped (events 2↔3, 5↔6...). */
  outOfOrder?: boolean;
  /** Push every event twice. */
  duplicates?: boolean;
}

const PUSH_ATTEMPTS = 3;
// The push went through `fetch` without a signal, bounded only by undici's default 300 s headers
// and body timeouts; keep that bound now that it goes through httpExchange (cheaper per push).
const PUSH_TIMEOUT_MS = 300_000;

/**
 * The simulated carriers (SF, ZTO, JD, Kuaidi100) over real HTTP: their waybill, phone
 * verification and route query APIs in their own formats, pushes to a configured endpoint,
 * injected 5xx (see {@link FaultPlan}), late first tracks, out-of-order and duplicate pushes.
 */
export class CarrierSimulator {
  readonly book = new CarrierBook();
  readonly faults = new FaultPlan();
  /** Where a carrier does not deliver (empty: everywhere served); SF refuses waybills there. */
  readonly areas = new ServiceArea();
  readonly pushes: DeliveredPush[] = [];
  private pushBaseUrl?: string;

  constructor(private readonly dialects: readonly CarrierDialect[] = CARRIER_DIALECTS) {}

  register(router: SimulatorRouter): void {
    for (const dialect of this.dialects) dialect.register(router, { book: this.book, faults: this.faults, areas: this.areas });
    router.on('GET', /^\/simulator\/carriers\/waybills$/, () => json(200, this.book.all()));
    router.on('POST', /^\/simulator\/carriers\/push-target$/, (request) => {
      this.setPushBaseUrl(String((JSON.parse(request.body) as { url?: string }).url ?? ''));
      return json(200, { pushBaseUrl: this.pushBaseUrl });
    });
    router.on('POST', /^\/simulator\/carriers\/waybills\/([^/]+)\/lifecycle$/, async (request) => {
      const options = request.body ? (JSON.parse(request.body) as LifecycleOptions) : {};
      return json(200, await this.playLifecycle(request.params[0], options));
    });
  }

  /** Where pushes go: `<url>/carriers/<source>/push` (the fulfillment-service). */
  setPushBaseUrl(url: string): void {
    this.pushBaseUrl = url.replace(/\/$/, '');
  }

  /** Adds an event to a waybill's route and (by default) pushes it. */
  async emit(trackingNumber: string, code: string, options: EmitOptions = {}): Promise<DeliveredPush | undefined> {
    const waybill = this.waybill(trackingNumber);
    const dialect = this.dialectOf(waybill);
    const event: SimulatedEvent = { code, text: dialect.textOf(code), at: options.at ?? Date.now(), nodeType: options.nodeType, site: options.site ?? (options.nodeType === 'OUTLET' ? '杭州西湖区文三路营业点' : '杭州萧山转运中心') };
    this.book.record(trackingNumber, event);
    return options.push === false ? undefined : this.deliver(waybill, [event]);
  }

  /** Pushes an event of the route again, as a carrier does when our acknowledgement got lost. */
  async pushAgain(trackingNumber: string, index: number): Promise<DeliveredPush> {
    const waybill = this.waybill(trackingNumber);
    return this.deliver(waybill, [waybill.route[index]]);
  }

  /** The parcel's whole life cycle up to delivery, pushed as the options say. */
  async playLifecycle(trackingNumber: string, options: LifecycleOptions = {}): Promise<DeliveredPush[]> {
    const waybill = this.waybill(trackingNumber);
    const dialect = this.dialectOf(waybill);
    const first = waybill.createdAt + (options.firstTrackAfterMs ?? 5_000);
    const events = dialect.lifecycle.map((step, index) => ({ ...step, at: first + index * (options.stepMs ?? 60_000) }));
    const order = options.outOfOrder ? swapNeighbours(events) : events;
    const delivered: DeliveredPush[] = [];
    for (const step of order) {
      const push = await this.emit(trackingNumber, step.code, { nodeType: step.nodeType, at: step.at });
      if (push) delivered.push(push);
      if (options.duplicates) delivered.push(await this.pushAgain(trackingNumber, waybill.route.findIndex((event) => event.at === step.at)));
    }
    return delivered;
  }

  private async deliver(waybill: SimulatedWaybill, events: SimulatedEvent[]): Promise<DeliveredPush> {
    if (!this.pushBaseUrl) throw new Error('carrier simulator: no push target set (setPushBaseUrl)');
    const { contentType, body } = this.dialectOf(waybill).push(waybill, events);
    const record: DeliveredPush = { source: waybill.source, trackingNumber: waybill.trackingNumber, codes: events.map((event) => event.code), status: null, attempts: 0 };
    // Carriers push again when we answer 5xx or not at all; a 4xx is final.
    while (record.attempts < PUSH_ATTEMPTS && (record.status === null || record.status >= 500)) {
      record.attempts++;
      record.status = await httpExchange({ method: 'POST', url: `${this.pushBaseUrl}/carriers/${waybill.source.toLowerCase()}/push`, headers: { 'content-type': contentType }, body, timeoutMs: PUSH_TIMEOUT_MS })
        .then((response) => response.status)
        .catch(() => null);
    }
    this.pushes.push(record);
    return record;
  }

  private waybill(trackingNumber: string): SimulatedWaybill {
    const waybill = this.book.get(trackingNumber);
    if (!waybill) throw new Error(`no simulated waybill ${trackingNumber}`);
    return waybill;
  }

  private dialectOf(waybill: SimulatedWaybill): CarrierDialect {
    return this.dialects.find((dialect) => dialect.source === waybill.source) as CarrierDialect;
  }
}

function swapNeighbours<T>(items: T[]): T[] {
  const swapped = [...items];
  for (let index = 1; index + 1 < swapped.length; index += 2) [swapped[index], swapped[index + 1]] = [swapped[index + 1], swapped[index]];
  return swapped;
}
