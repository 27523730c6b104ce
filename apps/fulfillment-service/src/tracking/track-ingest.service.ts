import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { advanceCurrent, furthestStage, mapCarrierStatus, trackCredibility, trackEventKey, type HistoryTrack, type TrackCredibility } from '@oms/fulfillment-domain';
import { tracksTotal } from '../app/fulfillment-metrics';
import type { CarrierAdapter, ParsedTrack } from '../carriers/carrier-adapter';
import type { CarrierRegistry } from '../carriers/carrier-registry';
import type { Causation } from '../publishing/fulfillment.publisher';
import type { ReviewItemsRepository } from '../review/review-items.repository';
import type { Shipment, ShipmentRepository } from './shipment.repository';
import type { ShipmentStatusPublisher } from './shipment-status.publisher';
import { credibilityAuditItem } from './credibility-audit';
import type { TrackChannel } from './track-event';
import type { TrackRepository } from './track.repository';

/** A track written now (with the carrier's event), or the shipment's current one from before. */
interface WrittenTrack extends HistoryTrack {
  subStatus: string | null;
  track?: ParsedTrack;
}

/** What one ingest did, for the push answer, metrics and tests. */
export interface IngestSummary {
  written: number;
  duplicates: number;
  unmapped: number;
  /** Tracks of waybills we do not know, parked (never dropped). */
  parked: number;
  published: number;
}

/**
 * Writes carrier tracks, whichever way they came (push, poll, the carrier-tracks topic), in the
 * caller's transaction. Per waybill, under its shipment's row lock: fetch the carrier's
 * authoritative current status first (DESIGN.md: before a track event is written), map each
 * track through the carrier's dictionary (an unmapped code is stored with a review item carrying
 * the raw payload), score credibility from shipped_at to the first track, and publish
 * ShipmentStatusChanged when the shipment's current event (latest in carrier time) changed.
 */
export class TrackIngestService {
  constructor(
    private readonly carriers: CarrierRegistry,
    private readonly shipments: ShipmentRepository,
    private readonly tracks: TrackRepository,
    private readonly reviews: ReviewItemsRepository,
    private readonly statusPublisher: ShipmentStatusPublisher,
    private readonly logger: Logger,
  ) {}

  async ingest(tracks: ParsedTrack[], via: TrackChannel, tx: PoolClient, causation?: Causation): Promise<IngestSummary> {
    const summary: IngestSummary = { written: 0, duplicates: 0, unmapped: 0, parked: 0, published: 0 };
    const byWaybill = new Map<string, ParsedTrack[]>();
    for (const track of tracks) byWaybill.set(track.trackingNumber, [...(byWaybill.get(track.trackingNumber) ?? []), track]);
    for (const [trackingNumber, group] of byWaybill) await this.ingestWaybill(trackingNumber, group, via, tx, summary, causation);
    const source = tracks[0]?.source ?? 'unknown';
    for (const outcome of ['written', 'duplicates', 'unmapped', 'parked'] as const) if (summary[outcome] > 0) tracksTotal.inc({ source, via, outcome }, summary[outcome]);
    return summary;
  }

  private async ingestWaybill(trackingNumber: string, tracks: ParsedTrack[], via: TrackChannel, tx: PoolClient, summary: IngestSummary, causation?: Causation): Promise<void> {
    const shipment = await this.shipments.lockByTrackingNumber(tx, trackingNumber);
    if (!shipment) {
      for (const track of tracks) await this.tracks.park(tx, keyOf(track), trackingNumber, track.source, track.rawPayload);
      summary.parked += tracks.length;
      return;
    }
    const adapter = this.carriers.forCarrier(shipment.carrier);
    const authoritative = via === 'poll' ? tracks.at(-1) : await this.authoritativeStatus(adapter, shipment);
    const firstTrackAt = Math.min(shipment.firstTrackAt ?? Infinity, ...tracks.map((track) => track.occurredAt.epochMs));
    const credibility = shipment.shippedAt === null ? null : trackCredibility(shipment.shippedAt, firstTrackAt);
    const receivedAt = Date.now();
    const written: WrittenTrack[] = [];
    for (const track of tracks) {
      const mapping = mapCarrierStatus(adapter.dictionary, track.carrierStatusCode, track.facts);
      const eventKey = keyOf(track);
      const status = mapping.mapped ? mapping.status : null;
      const subStatus = mapping.mapped ? (mapping.subStatus ?? null) : null;
      const stored = { eventKey, track, status, subStatus, receivedAt, receivedVia: via, credibilityScore: credibility?.score ?? null };
      if (!(await this.tracks.insert(tx, { ...stored, authoritativeStatusCode: authoritative?.carrierStatusCode ?? null, authoritativeStatusText: authoritative?.carrierStatusText ?? null }))) {
        summary.duplicates++;
        continue;
      }
      summary.written++;
      written.push({ eventKey, occurredAt: track.occurredAt.epochMs, status, subStatus, track });
      if (!mapping.mapped) {
        summary.unmapped++;
        await this.reviews.raise(tx, { dedupeKey: `unmapped:${eventKey}`, orderId: shipment.orderIds[0], cause: 'UNKNOWN_CARRIER_STATUS', dispatchPlanId: shipment.dispatchPlanId, carrier: track.carrier, trackingNumber, detail: mapping.reason, rawPayload: track.rawPayload }, causation);
      }
    }
    if (credibility?.audit) await this.reviews.raise(tx, credibilityAuditItem(shipment, credibility, firstTrackAt), causation);
    summary.published += await this.advance(tx, shipment, written, firstTrackAt, credibility, authoritative, causation);
  }

  /**
   * Moves the shipment to its new current event (the latest mapped one in carrier time, from the
   * one before and the tracks just written: no re-read of the history) and publishes when it moved.
   */
  private async advance(tx: PoolClient, shipment: Shipment, written: WrittenTrack[], firstTrackAt: number, credibility: TrackCredibility | null, authoritative: ParsedTrack | undefined, causation?: Causation): Promise<number> {
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
    await this.shipments.updateTracking(tx, shipment.trackingNumber as string, updated);
    if (!current?.track || current.eventKey === shipment.publishedEventKey) return 0;
    const { track } = current;
    const published = { eventKey: current.eventKey, trackingNumber: track.trackingNumber, carrierStatusCode: track.carrierStatusCode, carrierStatusText: track.carrierStatusText, status: current.status, subStatus: current.subStatus, occurredAt: track.occurredAt.epochMs, occurredAtText: track.occurredAt.isoText };
    return this.statusPublisher.publish(tx, updated, published, authoritative, causation);
  }

  /** The carrier's current status from its query API; null when the query failed (the attempts are in the call log). */
  private async authoritativeStatus(adapter: CarrierAdapter, shipment: Shipment): Promise<ParsedTrack | undefined> {
    try {
      const route = await adapter.queryRoute(shipment.trackingNumber as string, shipment.carrier, shipment.orderIds[0] ?? null);
      return route.at(-1);
    } catch (error) {
      this.logger.warn({ trackingNumber: shipment.trackingNumber, error: String(error) }, 'authoritative status unavailable; track written without it');
      return undefined;
    }
  }
}

function keyOf(track: ParsedTrack): string {
  return trackEventKey(track.source, track.trackingNumber, track.carrierStatusCode, track.occurredAt.epochMs);
}
