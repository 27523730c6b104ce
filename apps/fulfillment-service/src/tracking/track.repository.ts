import type { Pool, PoolClient } from 'pg';
import type { NormalisedShipmentStatus } from '@oms/contracts';
import type { StoredTrack } from './track-event';

/** A stored track as history rows (and the HTTP API) show it. */
export interface TrackRow {
  eventKey: string;
  trackingNumber: string;
  trackingSource: string;
  carrier: string;
  carrierStatusCode: string;
  carrierStatusText: string;
  description: string;
  location: string | null;
  status: NormalisedShipmentStatus | null;
  subStatus: string | null;
  occurredAt: number;
  occurredAtText: string;
  occurredAtOriginal: string;
  receivedAt: number;
  receivedVia: string;
  authoritativeStatusCode: string | null;
  authoritativeStatusText: string | null;
  credibilityScore: number | null;
}

const COLUMNS = `event_key AS "eventKey", tracking_number AS "trackingNumber", tracking_source AS "trackingSource", carrier,
  carrier_status_code AS "carrierStatusCode", carrier_status_text AS "carrierStatusText", description, location, status, sub_status AS "subStatus",
  occurred_at::float8 AS "occurredAt", occurred_at_text AS "occurredAtText", occurred_at_original AS "occurredAtOriginal",
  received_at::float8 AS "receivedAt", received_via AS "receivedVia", authoritative_status_code AS "authoritativeStatusCode",
  authoritative_status_text AS "authoritativeStatusText", credibility_score AS "credibilityScore"`;

/** Track events, each carrier event once. */
export class TrackRepository {
  /** Inserts the track; false when its event was already recorded (a duplicate push or poll). */
  async insert(tx: PoolClient, stored: StoredTrack): Promise<boolean> {
    const { track } = stored;
    const { rowCount } = await tx.query(
      `INSERT INTO track_events (event_key, tracking_number, tracking_source, carrier, carrier_status_code, carrier_status_text, description, location, facts,
         status, sub_status, occurred_at, occurred_at_text, occurred_at_original, received_at, received_via, authoritative_status_code, authoritative_status_text,
         credibility_score, raw_payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) ON CONFLICT (event_key) DO NOTHING`,
      [stored.eventKey, track.trackingNumber, track.source, track.carrier, track.carrierStatusCode, track.carrierStatusText, track.description, track.location, JSON.stringify(track.facts),
        stored.status, stored.subStatus, track.occurredAt.epochMs, track.occurredAt.isoText, track.occurredAt.originalText, stored.receivedAt, stored.receivedVia,
        stored.authoritativeStatusCode, stored.authoritativeStatusText, stored.credibilityScore, track.rawPayload],
    );
    return rowCount === 1;
  }

  async ofShipment(db: Pool | PoolClient, trackingNumber: string): Promise<TrackRow[]> {
    const { rows } = await db.query<TrackRow>(`SELECT ${COLUMNS} FROM track_events WHERE tracking_number = $1 ORDER BY occurred_at, event_key`, [trackingNumber]);
    return rows;
  }

  /** Keeps a track of a waybill we do not know, so it is never dropped. */
  async park(tx: PoolClient, eventKey: string, trackingNumber: string, source: string, rawPayload: string): Promise<void> {
    await tx.query('INSERT INTO unmatched_tracks (event_key, tracking_number, tracking_source, raw_payload) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [eventKey, trackingNumber, source, rawPayload]);
  }
}
