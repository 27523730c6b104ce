import type { PoolClient } from 'pg';
import { onCommit } from '@oms/postgres';
import { mapCarrierStatus, trackCredibility, trackEventKey } from '@oms/fulfillment-domain';
import { tracksTotal } from '../app/fulfillment-metrics';
import { awaitAllSettled } from '../database/await-all-settled';
import type { ParsedTrack } from '../carriers/carrier-adapter';
import type { CarrierRegistry } from '../carriers/carrier-registry';
import type { Causation } from '../publishing/fulfillment.publisher';
import type { ReviewItemsRepository } from '../review/review-items.repository';
import type { AuthoritativeStatus } from './authoritative-status';
import { credibilityAuditItem } from './credibility-audit';
import type { Shipment, ShipmentRepository } from './shipment.repository';
import type { ShipmentStatusPublisher, StatusChange } from './shipment-status.publisher';
import type { StoredTrack, TrackChannel } from './track-event';
import type { TrackRepository } from './track.repository';
import { advance, byMessage, uniqueByKey, type IncomingTrack, type WaybillBatch, type WrittenTrack } from './waybill-batch';

export type { IncomingTrack } from './waybill-batch';

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
 * caller's transaction, a whole batch of waybills at once: lock their shipments, fetch each
 * carrier's authoritative current status first (DESIGN.md: before a track event is written), map
 * each track through the carrier's dictionary (an unmapped code is stored with a review item
 * carrying the raw payload), score credibility from shipped_at to the first track, and publish
 * ShipmentStatusChanged for each shipment whose current event (latest in carrier time) changed.
 * Each step is one statement for the whole batch, whatever its size.
 */
export class TrackIngestService {
  constructor(
    private readonly carriers: CarrierRegistry,
    private readonly authority: AuthoritativeStatus,
    private readonly shipments: ShipmentRepository,
    private readonly tracks: TrackRepository,
    private readonly reviews: ReviewItemsRepository,
    private readonly statusPublisher: ShipmentStatusPublisher,
  ) {}

  /** Tracks of one message (a push, a poll, a record), all caused by `causation`. */
  ingest(tracks: ParsedTrack[], via: TrackChannel, tx: PoolClient, causation?: Causation): Promise<IngestSummary> {
    return this.ingestMany(tracks.map((track) => ({ track, causation })), via, tx);
  }

  /** Tracks of many messages (a Kafka chunk), each with its own cause. */
  async ingestMany(incoming: IncomingTrack[], via: TrackChannel, tx: PoolClient): Promise<IngestSummary> {
    const summary: IngestSummary = { written: 0, duplicates: 0, unmapped: 0, parked: 0, published: 0 };
    const byWaybill = new Map<string, IncomingTrack[]>();
    for (const item of incoming) byWaybill.set(item.track.trackingNumber, [...(byWaybill.get(item.track.trackingNumber) ?? []), item]);
    const shipments = await this.shipments.lockMany(tx, [...byWaybill.keys()]);
    const unknown = [...byWaybill].filter(([trackingNumber]) => !shipments.has(trackingNumber)).flatMap(([, group]) => group.map(({ track }) => ({ ...track, eventKey: keyOf(track) })));
    summary.parked = unknown.length;
    // Parking needs nothing from the carriers: it runs while their answers are awaited.
    const parked = this.tracks.park(tx, unknown.map((track) => ({ eventKey: track.eventKey, trackingNumber: track.trackingNumber, source: track.source, rawPayload: track.rawPayload })));
    const [, authoritative] = await awaitAllSettled<[void, Map<string, ParsedTrack>]>([parked, this.authoritativeOf(via, byWaybill, [...shipments.values()])]);
    const receivedAt = Date.now();
    const batches = [...shipments.values()].map((shipment) => this.prepare(shipment, byWaybill.get(shipment.trackingNumber as string) ?? [], authoritative.get(shipment.trackingNumber as string), via, receivedAt));
    const fresh = await this.tracks.insertMany(tx, uniqueByKey(batches.flatMap((batch) => batch.rows.map((row) => row.stored))));
    const changes: StatusChange[] = [];
    const updated: Shipment[] = [];
    for (const batch of batches) {
      let shipment = batch.shipment;
      // Message by message, as if each had its own transaction: every message that moves the
      // shipment's current event publishes its change, even when a later one in the chunk moves it again.
      for (const written of byMessage(await this.recordWritten(tx, batch, fresh, summary))) {
        const advanced = advance(shipment, batch, written);
        shipment = advanced.shipment;
        if (advanced.change) changes.push(advanced.change);
      }
      updated.push(shipment);
    }
    // Issued together (one statement after the other on the connection, no turn of the event loop between).
    [, summary.published] = await awaitAllSettled<[void, number]>([this.shipments.updateTrackingMany(tx, updated), this.statusPublisher.publish(tx, changes, updated)]);
    const source = incoming[0]?.track.source ?? 'unknown';
    onCommit(tx, () => {
      for (const outcome of ['written', 'duplicates', 'unmapped', 'parked'] as const) if (summary[outcome] > 0) tracksTotal.inc({ source, via, outcome }, summary[outcome]);
    });
    return summary;
  }

  /** Each waybill's current status according to its carrier, fetched before any of its tracks is written. */
  private async authoritativeOf(via: TrackChannel, byWaybill: Map<string, IncomingTrack[]>, shipments: Shipment[]): Promise<Map<string, ParsedTrack>> {
    // A poll's route is the carrier's answer itself: its last event is the authoritative status.
    if (via === 'poll') return new Map([...byWaybill].map(([trackingNumber, group]) => [trackingNumber, group.at(-1)?.track as ParsedTrack]));
    return this.authority.of(shipments);
  }

  /** Maps and scores one waybill's tracks (no I/O). */
  private prepare(shipment: Shipment, group: IncomingTrack[], authoritative: ParsedTrack | undefined, via: TrackChannel, receivedAt: number): WaybillBatch {
    const dictionary = this.carriers.forCarrier(shipment.carrier).dictionary;
    const firstTrackAt = Math.min(shipment.firstTrackAt ?? Infinity, ...group.map(({ track }) => track.occurredAt.epochMs));
    const credibility = shipment.shippedAt === null ? null : trackCredibility(shipment.shippedAt, firstTrackAt);
    const rows = group.map((incoming) => {
      const mapping = mapCarrierStatus(dictionary, incoming.track.carrierStatusCode, incoming.track.facts);
      const stored: StoredTrack = {
        eventKey: keyOf(incoming.track), track: incoming.track, status: mapping.mapped ? mapping.status : null, subStatus: mapping.mapped ? (mapping.subStatus ?? null) : null,
        receivedAt, receivedVia: via, credibilityScore: credibility?.score ?? null,
        authoritativeStatusCode: authoritative?.carrierStatusCode ?? null, authoritativeStatusText: authoritative?.carrierStatusText ?? null,
      };
      return { stored, incoming, reason: mapping.mapped ? null : mapping.reason };
    });
    return { shipment, rows, firstTrackAt, credibility, authoritative };
  }

  /** The waybill's tracks this batch wrote (each event once), with their review items. */
  private async recordWritten(tx: PoolClient, batch: WaybillBatch, fresh: Set<string>, summary: IngestSummary): Promise<WrittenTrack[]> {
    const { shipment } = batch;
    const written: WrittenTrack[] = [];
    for (const { stored, incoming, reason } of batch.rows) {
      // delete(): a second copy of an event in the same batch is a duplicate too.
      if (!fresh.delete(stored.eventKey)) {
        summary.duplicates++;
        continue;
      }
      summary.written++;
      written.push({ eventKey: stored.eventKey, occurredAt: stored.track.occurredAt.epochMs, status: stored.status, subStatus: stored.subStatus, incoming });
      if (reason === null) continue;
      summary.unmapped++;
      const { track } = incoming;
      await this.reviews.raise(tx, { dedupeKey: `unmapped:${stored.eventKey}`, orderId: shipment.orderIds[0], cause: 'UNKNOWN_CARRIER_STATUS', dispatchPlanId: shipment.dispatchPlanId, carrier: track.carrier, trackingNumber: track.trackingNumber, detail: reason, rawPayload: track.rawPayload }, incoming.causation);
    }
    if (batch.credibility?.audit) await this.reviews.raise(tx, credibilityAuditItem(shipment, batch.credibility, batch.firstTrackAt), batch.rows[0]?.incoming.causation);
    return written;
  }
}

function keyOf(track: ParsedTrack): string {
  return trackEventKey(track.source, track.trackingNumber, track.carrierStatusCode, track.occurredAt.epochMs);
}
