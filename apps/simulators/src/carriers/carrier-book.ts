/** Whose API a simulated waybill lives in. */
export type SimulatedSource = 'SF' | 'ZTO' | 'JD' | 'KUAIDI100';

/** One event of a simulated route. */
export interface SimulatedEvent {
  code: string;
  /** Carrier wording of the event. */
  text: string;
  /** Epoch ms the carrier says it happened. */
  at: number;
  /** SF: TRANSIT_HUB or OUTLET, for the codes SF reuses. */
  nodeType?: string;
  site: string;
}

/** A waybill the simulated carrier issued. */
export interface SimulatedWaybill {
  source: SimulatedSource;
  trackingNumber: string;
  merchantOrderRef: string;
  /** Kuaidi100 company code, for aggregator waybills. */
  company?: string;
  consigneePhone: string;
  extendedFields: Record<string, unknown>;
  createdAt: number;
  route: SimulatedEvent[];
}

/** A consignee phone a carrier accepts: a full mainland mobile number (masked or virtual numbers fail). */
export function isVerifiablePhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

/**
 * The simulated carriers' waybills and routes. Creating a waybill is idempotent by the merchant's
 * order reference (as carriers refuse a duplicate order id), so a retried request gets the same
 * number.
 */
export class CarrierBook {
  private readonly waybills = new Map<string, SimulatedWaybill>();
  private readonly byRef = new Map<string, string>();
  private sequence = 0;

  create(source: SimulatedSource, merchantOrderRef: string, consigneePhone: string, extendedFields: Record<string, unknown>, company?: string): SimulatedWaybill {
    const existing = this.byRef.get(`${source}:${merchantOrderRef}`);
    if (existing) return this.waybills.get(existing) as SimulatedWaybill;
    const trackingNumber = nextNumber(source, ++this.sequence);
    const waybill: SimulatedWaybill = { source, trackingNumber, merchantOrderRef, company, consigneePhone, extendedFields, createdAt: Date.now(), route: [] };
    this.waybills.set(trackingNumber, waybill);
    this.byRef.set(`${source}:${merchantOrderRef}`, trackingNumber);
    return waybill;
  }

  get(trackingNumber: string): SimulatedWaybill | undefined {
    return this.waybills.get(trackingNumber);
  }

  all(): SimulatedWaybill[] {
    return [...this.waybills.values()];
  }

  /** Adds an event to the route (kept in carrier time, as the query APIs answer). */
  record(trackingNumber: string, event: SimulatedEvent): SimulatedWaybill {
    const waybill = this.waybills.get(trackingNumber);
    if (!waybill) throw new Error(`no simulated waybill ${trackingNumber}`);
    waybill.route.push(event);
    waybill.route.sort((a, b) => a.at - b.at);
    return waybill;
  }
}

function nextNumber(source: SimulatedSource, sequence: number): string {
  const serial = `${Date.now() % 1_000_000_000}${String(sequence).padStart(4, '0')}`;
  switch (source) {
    case 'SF': return `SF1${serial}`;
    case 'ZTO': return `7310${serial}`;
    case 'JD': return `JDVA${serial}`;
    default: return `YT${serial}`;
  }
}
