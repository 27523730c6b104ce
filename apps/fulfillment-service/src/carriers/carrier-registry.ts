import type { CarrierCode } from '@oms/contracts';
import type { CarrierAdapter, TrackingSource } from './carrier-adapter';

/** The carrier adapters, found by carrier (which API a shipment goes through) or by tracking source. */
export class CarrierRegistry {
  constructor(readonly adapters: readonly CarrierAdapter[]) {}

  /** The API a carrier's shipments go through: its own, or the aggregator's. */
  forCarrier(carrier: CarrierCode): CarrierAdapter {
    const adapter = this.adapters.find((candidate) => candidate.carriers.includes(carrier));
    if (!adapter) throw new Error(`no carrier adapter serves ${carrier}`);
    return adapter;
  }

  /** The adapter of a tracking source (`sf`, `KUAIDI100`...), or undefined. */
  forSource(source: string): CarrierAdapter | undefined {
    return this.adapters.find((candidate) => candidate.source === source.toUpperCase());
  }

  /** Every tracking source. */
  sources(): TrackingSource[] {
    return this.adapters.map((adapter) => adapter.source);
  }
}
