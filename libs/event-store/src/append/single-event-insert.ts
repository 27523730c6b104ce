import { HASH_LENGTH, INSERT_EVENTS_COLUMNS, type EventRows } from './event-rows';

/**
 * The one-statement append of ONE event to ONE stream whose head is known: the commonest write
 * (a command deciding one event) as scalar parameters. The general statement unpacks eleven
 * arrays with unnest() and checks every stream's head in a subquery over them; for one row that
 * packing was most of the statement's cost, in PostgreSQL (array parsing) and in Node (array
 * serialisation). Measured with `npm run bench:store` (single-event appends).
 *
 * Same guard as the general statement: the previous event must be the cached head (same hash,
 * written by an older transaction) and nothing may follow it yet. No row back means the guard
 * failed and the caller reads the head instead.
 */
export const SINGLE_EVENT_INSERT = `${INSERT_EVENTS_COLUMNS}
  SELECT $1::text, $2::int, $3::uuid, $4::text, substring($5::bytea FROM 3 FOR 8), $5::bytea, $6::text::jsonb,
         'epoch'::timestamptz + $7::bigint * interval '1 millisecond', $8::bytea, $9::bytea
   WHERE ($2::int = 1 OR EXISTS (
            SELECT 1 FROM events head
             WHERE head.stream_id = $1::text AND head.stream_version = $2::int - 1
               AND head.hash = $8::bytea AND head.transaction_id <= pg_current_xact_id()))
     AND NOT EXISTS (SELECT 1 FROM events later WHERE later.stream_id = $1::text AND later.stream_version = $2::int)
  RETURNING global_position, stream_id`;

/** The parameters of {@link SINGLE_EVENT_INSERT} for rows that hold exactly one event. */
export function singleEventParameters(rows: EventRows): unknown[] {
  if (rows.eventId.length !== 1) throw new Error(`singleEventParameters needs one row, got ${rows.eventId.length}`);
  // Offsets are 1-based (they were made for substring()); a null offset is a missing previous hash.
  const cut = (at: number | null | undefined, length = HASH_LENGTH) => (at == null ? null : rows.bytes.subarray(at - 1, at - 1 + length));
  return [
    rows.streamId[0],
    rows.version[0],
    rows.eventId[0],
    rows.type[0],
    cut(rows.payloadAt[0], rows.payloadLength[0]),
    cut(rows.metadataAt[0], rows.metadataLength[0])?.toString('utf8'),
    rows.occurredAtMs[0],
    cut(rows.previousHashAt[0]),
    cut(rows.hashAt[0]),
  ];
}
