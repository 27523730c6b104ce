import type { NormalisedShipmentStatus, OrderShipmentStage } from '@oms/contracts';
import { laterStage, stageOfStatus } from '../status/order-stage';

/** One track of a shipment as the history holds it (mapped or not). */
export interface HistoryTrack {
  /** Identity of the carrier event: duplicates of one push share it (see {@link trackEventKey}). */
  eventKey: string;
  /** When the carrier says it happened. */
  occurredAt: number;
  /** Null while the code is unmapped (a review item is open for it). */
  status: NormalisedShipmentStatus | null;
  subStatus?: string | null;
}

/**
 * The identity of a carrier event: who reported it, the waybill, the carrier's code and its time.
 * A duplicate push (the carrier retrying, or push and poll both delivering it) has the same key.
 */
export function trackEventKey(source: string, trackingNumber: string, carrierStatusCode: string, occurredAt: number): string {
  return `${source}:${trackingNumber}:${carrierStatusCode}:${occurredAt}`;
}

/**
 * The shipment's history in carrier time, each event once, whatever order and how many times the
 * pushes arrived: duplicates (same key) dropped, ordered by occurredAt, ties by key, so two
 * replicas fed the same pushes in any order hold the same history.
 */
export function consistentHistory<T extends HistoryTrack>(tracks: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const track of tracks) if (!byKey.has(track.eventKey)) byKey.set(track.eventKey, track);
  return [...byKey.values()].sort(compareTracks);
}

/** Carrier-time order of two events, ties by key: negative when `a` happened first. */
export function compareTracks(a: Pick<HistoryTrack, 'occurredAt' | 'eventKey'>, b: Pick<HistoryTrack, 'occurredAt' | 'eventKey'>): number {
  return a.occurredAt - b.occurredAt || (a.eventKey < b.eventKey ? -1 : a.eventKey > b.eventKey ? 1 : 0);
}

/**
 * The current event after `arrived` came in, from the current one before: the latest mapped event
 * in carrier time. Applied push by push it gives what {@link currentTrack} gives over the whole
 * history, so a writer need not re-read the history for every track.
 */
export function advanceCurrent<T extends HistoryTrack>(current: T | undefined, arrived: readonly T[]): T | undefined {
  return arrived.reduce<T | undefined>((latest, track) => (track.status !== null && (!latest || compareTracks(track, latest) > 0) ? track : latest), current);
}

/** The shipment's current status: the latest mapped event in carrier time (a late push of an older event changes nothing). */
export function currentTrack<T extends HistoryTrack>(tracks: readonly T[]): T | undefined {
  return advanceCurrent(undefined, tracks);
}

/** The furthest order stage the shipment's events reached, from `reached` before them (stages never move back). */
export function furthestStage(tracks: readonly HistoryTrack[], reached: OrderShipmentStage | null = null): OrderShipmentStage | null {
  return tracks.reduce<OrderShipmentStage | null>((stage, track) => (track.status ? laterStage(stage, stageOfStatus(track.status)) : stage), reached);
}
