import type { HistoryTrack, TrackCredibility } from '@oms/fulfillment-domain';
import { advanceCurrent, furthestStage } from '@oms/fulfillment-domain';
import type { ParsedTrack } from '../carriers/carrier-adapter';
import type { Causation } from '../publishing/fulfillment.publisher';
import type { Shipment } from './shipment.repository';
import type { StatusChange } from './shipment-status.publisher';
import type { StoredTrack } from './track-event';

// The pure steps of TrackIngestService: how one waybill's tracks of a batch move its shipment.

/** A track to ingest with the message that brought it (the cause of what it publishes). */
export interface IncomingTrack {
  track: ParsedTrack;
  causation?: Causation;
}

/** A track written now (with the carrier's event), or the shipment's current one from before. */
export interface WrittenTrack extends HistoryTrack {
  subStatus: string | null;
  incoming?: IncomingTrack;
}

/** One waybill's tracks of a batch, mapped and scored, before anything is written. */
export interface WaybillBatch {
  shipment: Shipment;
  rows: Array<{ stored: StoredTrack; incoming: IncomingTrack; reason: string | null }>;
  firstTrackAt: number;
  credibility: TrackCredibility | null;
  authoritative: ParsedTrack | undefined;
}

/**
 * The shipment's new current event (the latest mapped one in carrier time, from the one before and
 * the tracks just written: no re-read of the history), and the status change when it moved.
 */
export function advance(shipment: Shipment, batch: WaybillBatch, written: WrittenTrack[]): { shipment: Shipment; change?: StatusChange } {
  const { firstTrackAt, credibility, authoritative } = batch;
  const before: WrittenTrack | undefined = shipment.publishedEventKey !== null && shipment.currentOccurredAt !== null
    ? { eventKey: shipment.publishedEventKey, occurredAt: shipment.currentOccurredAt, status: shipment.status, subStatus: shipment.subStatus }
    : undefined;
  const current = advanceCurrent(before, written);
  const updated: Shipment = {
    ...shipment,
    status: current?.status ?? shipment.status,
    subStatus: current ? current.subStatus : shipment.subStatus,
    stage: furthestStage(written, shipment.stage),
    firstTrackAt: Number.isFinite(firstTrackAt) ? firstTrackAt : null,
    credibilityScore: credibility?.score ?? null,
    publishedEventKey: current?.eventKey ?? null,
    currentOccurredAt: current?.occurredAt ?? null,
  };
  if (!current?.incoming || current.eventKey === shipment.publishedEventKey) return { shipment: updated };
  const { track, causation } = current.incoming;
  const published = { eventKey: current.eventKey, trackingNumber: track.trackingNumber, carrierStatusCode: track.carrierStatusCode, carrierStatusText: track.carrierStatusText, status: current.status, subStatus: current.subStatus, occurredAt: track.occurredAt.epochMs, occurredAtText: track.occurredAt.isoText };
  return { shipment: updated, change: { shipment: updated, current: published, authoritative, causation } };
}

/** Consecutive written tracks of one message (one push or poll is one message; a Kafka chunk has many), in order. */
export function byMessage(written: WrittenTrack[]): WrittenTrack[][] {
  const groups: WrittenTrack[][] = [];
  for (const track of written) {
    const last = groups.at(-1);
    if (last && last[0]?.incoming?.causation === track.incoming?.causation) last.push(track);
    else groups.push([track]);
  }
  // A waybill's batch with nothing new still records its first track time and score.
  return groups.length > 0 ? groups : [[]];
}

/** The first copy of each event: the one `TrackIngestService` counts as written. */
export function uniqueByKey(rows: StoredTrack[]): StoredTrack[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.eventKey) && seen.add(row.eventKey));
}
