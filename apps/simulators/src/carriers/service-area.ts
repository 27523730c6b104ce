import type { SimulatedSource } from './carrier-book';

/** The parts of a consignee address a carrier's coverage check looks at. */
export interface AreaOfAddress {
  province?: unknown;
  city?: unknown;
  district?: unknown;
}

/**
 * Where a simulated carrier does not deliver (超区: outside its pick-up/delivery coverage). Real
 * carriers refuse a waybill, dry run included, for such an address; the fulfilment sandbox must
 * turn that refusal into a failed CARRIER_WAYBILL check. Empty by default, so the simulators serve
 * everywhere unless a test or a demo names an area.
 */
export class ServiceArea {
  private readonly excluded = new Map<SimulatedSource, Set<string>>();

  /** From now on `source` refuses addresses whose province, city or district is exactly `area`. */
  exclude(source: SimulatedSource, area: string): void {
    if (area.trim() === '') throw new RangeError('an excluded area needs a name');
    this.excluded.set(source, (this.excluded.get(source) ?? new Set()).add(area));
  }

  /** The excluded area the address falls in, or undefined when `source` delivers there. */
  outsideOf(source: SimulatedSource, address: AreaOfAddress): string | undefined {
    const areas = this.excluded.get(source);
    if (!areas) return undefined;
    return [address.province, address.city, address.district].map((part) => String(part ?? '')).find((part) => areas.has(part));
  }
}
