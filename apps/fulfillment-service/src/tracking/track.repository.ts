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
  /**
   * Inserts tracks in one statement and answers the event keys written; a key missing from the
   * answer was already recorded (a duplicate push or poll). The caller passes each key once.
   */
  async insertMany(tx: PoolClient, stored: StoredTrack[]): Promise<Set<string>> {
    if (stored.length === 0) return new Set();
    const column = <V>(pick: (row: StoredTrack) => V) => stored.map(pick);
    // Named: parsed and planned once per connection, as every chunk of tracks runs it.
    const { rows } = await tx.query<{ event_key: string }>({
      name: 'track-events-insert-many',
      text: `INSERT INTO track_events (event_key, tracking_number, tracking_source, carrier, carrier_status_code, carrier_status_text, description, location, facts,
         status, sub_status, occurred_at, occurred_at_text, occurred_at_original, received_at, received_via, authoritative_status_code, authoritative_status_text,
         credibility_score, raw_payload)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::text[],
         $12::bigint[], $13::text[], $14::text[], $15::bigint[], $16::text[], $17::text[], $18::text[], $19::int[], $20::text[])
       ON CONFLICT (event_key) DO NOTHING RETURNING event_key`,
      values: [column((r) => r.eventKey), column((r) => r.track.trackingNumber), column((r) => r.track.source), column((r) => r.track.carrier), column((r) => r.track.carrierStatusCode),
        column((r) => r.track.carrierStatusText), column((r) => r.track.description), column((r) => r.track.location), column((r) => JSON.stringify(r.track.facts)),
        column((r) => r.status), column((r) => r.subStatus), column((r) => r.track.occurredAt.epochMs), column((r) => r.track.occurredAt.isoText),
        column((r) => r.track.occurredAt.originalText), column((r) => r.receivedAt), column((r) => r.receivedVia), column((r) => r.authoritativeStatusCode),
        column((r) => r.authoritativeStatusText), column((r) => r.credibilityScore), column((r) => r.track.rawPayload)],
    });
    return new Set(rows.map((row) => row.event_key));
  }

  async ofShipment(db: Pool | PoolClient, trackingNumber: string): Promise<TrackRow[]> {
    const { rows } = await db.query<TrackRow>(`SELECT ${COLUMNS} FROM track_events WHERE tracking_number = $1 ORDER BY occurred_at, event_key`, [trackingNumber]);
    return rows;
  }

  /** Keeps tracks of waybills we do not know, so none is ever dropped. */
  async park(tx: PoolClient, tracks: Array<{ eventKey: string; trackingNumber: string; source: string; rawPayload: string }>): Promise<void> {
    if (tracks.length === 0) return;
    await tx.query(
      `INSERT INTO unmatched_tracks (event_key, tracking_number, tracking_source, raw_payload) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
      [tracks.map((t) => t.eventKey), tracks.map((t) => t.trackingNumber), tracks.map((t) => t.source), tracks.map((t) => t.rawPayload)],
    );
  }
}
