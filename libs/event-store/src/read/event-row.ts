import type { EventMetadata, StoredEvent } from '../model/stored-event';

/** The columns every read selects, in the shape {@link toStoredEvent} maps. */
export const EVENT_COLUMNS = `global_position, transaction_id::text AS transaction_id, stream_id, stream_version,
  event_id, event_type, schema_fingerprint, payload, metadata,
  floor(extract(epoch FROM occurred_at) * 1000)::bigint AS occurred_at,
  floor(extract(epoch FROM recorded_at) * 1000)::bigint AS recorded_at, previous_hash, hash`;

/** A row as `pg` returns it for {@link EVENT_COLUMNS}. */
export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_fingerprint: Buffer;
  payload: Buffer;
  metadata: EventMetadata;
  occurred_at: string;
  recorded_at: string;
  previous_hash: Buffer | null;
  hash: Buffer;
}

/** Maps a database row to the store's public shape. */
export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    globalPosition: Number(row.global_position),
    transactionId: row.transaction_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.event_type,
    schemaFingerprint: row.schema_fingerprint,
    payload: row.payload,
    metadata: row.metadata,
    occurredAt: Number(row.occurred_at),
    recordedAt: Number(row.recorded_at),
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
