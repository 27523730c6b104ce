import { InvalidAppendError } from '../errors/event-store.errors';
import { canonicalMetadata } from '../hash/canonical-metadata';
import { eventHash } from '../hash/event-hash';
import type { StreamAppend } from '../model/stored-event';
import { schemaFingerprintOf } from './schema-fingerprint';
import type { KnownHead } from './stream-head.cache';

/**
 * The rows of one append as statement parameters. Every byte column of every row (payload,
 * metadata text, hash, previous hash) is packed into ONE bytea parameter, which `pg` sends in
 * binary; the statement cuts it apart with substring(). Arrays of bytea would travel as hex text
 * that the server parses back — most of a batched append's time before (measured in
 * `npm run bench:store`).
 */
export interface EventRows {
  streamId: string[];
  version: number[];
  eventId: string[];
  type: string[];
  occurredAtMs: number[];
  /** 1-based offsets into `bytes`; lengths beside them. previousHashAt is null for a first event. */
  payloadAt: number[];
  payloadLength: number[];
  metadataAt: number[];
  metadataLength: number[];
  hashAt: number[];
  previousHashAt: (number | null)[];
  bytes: Buffer;
}

export const HASH_LENGTH = 32;

/** One stream's share, with the head it continues from (none for a new stream). */
export interface HeadedAppend {
  append: StreamAppend;
  head: KnownHead | undefined;
}

/** Builds the rows of several streams' appends, chaining each stream's hashes from its head. */
export function buildEventRows(appends: HeadedAppend[]): { rows: EventRows; lastHashes: Map<string, KnownHead> } {
  const rows: EventRows = { streamId: [], version: [], eventId: [], type: [], occurredAtMs: [], payloadAt: [], payloadLength: [], metadataAt: [], metadataLength: [], hashAt: [], previousHashAt: [], bytes: Buffer.alloc(0) };
  const chunks: Buffer[] = [];
  let offset = 1; // substring() counts from 1
  const push = (chunk: Buffer): number => {
    chunks.push(chunk);
    const at = offset;
    offset += chunk.length;
    return at;
  };
  const lastHashes = new Map<string, KnownHead>();
  for (const { append, head } of appends) {
    let version = head?.version ?? 0;
    let previousHash = head?.hash ?? null;
    let previousHashAt: number | null = previousHash ? push(previousHash) : null;
    for (const event of append.events) {
      version += 1;
      if (!Number.isSafeInteger(event.occurredAt)) {
        throw new InvalidAppendError(`Event ${event.eventId}: occurredAt must be integer epoch milliseconds`);
      }
      const metadata = canonicalMetadata(event.metadata ?? {}); // once: hashed and stored
      const schemaFingerprint = schemaFingerprintOf(event.payload, event.eventId);
      const hash = eventHash({ previousHash, streamId: append.streamId, streamVersion: version, eventId: event.eventId, type: event.type, schemaFingerprint, payload: event.payload, metadata, occurredAt: event.occurredAt });
      const metadataBytes = Buffer.from(metadata, 'utf8');
      rows.streamId.push(append.streamId);
      rows.version.push(version);
      rows.eventId.push(event.eventId);
      rows.type.push(event.type);
      rows.occurredAtMs.push(event.occurredAt);
      rows.payloadAt.push(push(event.payload));
      rows.payloadLength.push(event.payload.length);
      rows.metadataAt.push(push(metadataBytes));
      rows.metadataLength.push(metadataBytes.length);
      rows.previousHashAt.push(previousHashAt);
      previousHashAt = push(hash);
      rows.hashAt.push(previousHashAt);
      previousHash = hash;
    }
    if (previousHash && version > (head?.version ?? 0)) lastHashes.set(append.streamId, { version, hash: previousHash });
  }
  rows.bytes = Buffer.concat(chunks);
  return { rows, lastHashes };
}

/**
 * The SELECT that turns {@link EventRows} parameters $1..$12 back into event rows, in array
 * order (WITH ORDINALITY + ORDER BY keeps identity values rising with stream versions).
 */
export const EVENT_ROWS_SELECT = `
  SELECT r.stream_id, r.stream_version, r.event_id, r.event_type,
         substring($12::bytea FROM r.payload_at + 2 FOR 8) AS schema_fingerprint,
         substring($12::bytea FROM r.payload_at FOR r.payload_length) AS payload,
         convert_from(substring($12::bytea FROM r.metadata_at FOR r.metadata_length), 'UTF8')::jsonb AS metadata,
         'epoch'::timestamptz + r.occurred_at_ms * interval '1 millisecond' AS occurred_at,
         substring($12::bytea FROM r.previous_hash_at FOR ${HASH_LENGTH}) AS previous_hash,
         substring($12::bytea FROM r.hash_at FOR ${HASH_LENGTH}) AS hash,
         r.ordinal
    FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::bigint[], $6::int[], $7::int[], $8::int[], $9::int[],
                $10::int[], $11::int[])
         WITH ORDINALITY AS r(stream_id, stream_version, event_id, event_type, occurred_at_ms, payload_at, payload_length,
                              metadata_at, metadata_length, hash_at, previous_hash_at, ordinal)`;

/** The parameters of {@link EVENT_ROWS_SELECT}, in order. */
export function eventRowParameters(rows: EventRows): unknown[] {
  return [rows.streamId, rows.version, rows.eventId, rows.type, rows.occurredAtMs, rows.payloadAt, rows.payloadLength, rows.metadataAt, rows.metadataLength, rows.hashAt, rows.previousHashAt, rows.bytes];
}

export const INSERT_EVENTS_COLUMNS = `INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_fingerprint, payload,
                                 metadata, occurred_at, previous_hash, hash)`;
