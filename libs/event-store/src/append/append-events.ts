import type { PoolClient } from 'pg';
import { PgErrorCodes, pgErrorCode } from '@oms/postgres';
import { ConcurrencyError, DuplicateEventError, InvalidAppendError, StreamOrderConflictError } from '../errors/event-store.errors';
import { eventHash } from '../hash/event-hash';
import { canonicalMetadata } from '../hash/canonical-metadata';
import type { AppendResult, ExpectedVersion, StreamAppend } from '../model/stored-event';
import { readStreamHeads, type StreamHead } from './stream-heads';
import { schemaFingerprintOf } from './schema-fingerprint';

/** Column arrays for one multi-row INSERT ... SELECT FROM unnest(...). */
interface Rows {
  streamId: string[];
  version: number[];
  eventId: string[];
  type: string[];
  fingerprint: Buffer[];
  payload: Buffer[];
  metadata: string[];
  occurredAt: string[];
  previousHash: (Buffer | null)[];
  hash: Buffer[];
}

/**
 * Appends events to several streams inside the caller's open transaction: checks every expected
 * version, chains the hashes, and writes all rows in one statement. Throws (writing nothing
 * that the caller's rollback would not undo) on a version conflict, a duplicate event id or a
 * stream last written by a younger transaction.
 */
export async function appendEvents(client: PoolClient, appends: StreamAppend[]): Promise<AppendResult[]> {
  const byStream = mergeByStream(appends);
  const { heads, currentTransactionId } = await readStreamHeads(client, [...byStream.keys()]);
  const rows: Rows = { streamId: [], version: [], eventId: [], type: [], fingerprint: [], payload: [], metadata: [], occurredAt: [], previousHash: [], hash: [] };
  const results: AppendResult[] = [];
  for (const [streamId, append] of byStream) {
    const head = heads.get(streamId);
    checkExpectedVersion(streamId, append.expectedVersion, head);
    if (head && head.transactionId > currentTransactionId) throw new StreamOrderConflictError(streamId);
    results.push({ streamId, nextVersion: addRows(rows, streamId, head, append), globalPositions: [] });
  }
  if (rows.eventId.length === 0) return results;
  const positions = await insertRows(client, rows);
  for (const result of results) result.globalPositions = positions.get(result.streamId) ?? [];
  return results;
}

function mergeByStream(appends: StreamAppend[]): Map<string, StreamAppend> {
  const byStream = new Map<string, StreamAppend>();
  for (const append of appends) {
    if (!append.streamId) throw new InvalidAppendError('streamId must not be empty');
    if (byStream.has(append.streamId)) {
      throw new InvalidAppendError(`Stream ${append.streamId} appears twice in one append; merge its events`);
    }
    byStream.set(append.streamId, append);
  }
  return byStream;
}

function checkExpectedVersion(streamId: string, expected: ExpectedVersion, head: StreamHead | undefined): void {
  const actual = head?.version ?? 0;
  if (expected === 'any') return;
  const wanted = expected === 'no_stream' ? 0 : expected;
  if (wanted !== actual) throw new ConcurrencyError(streamId, expected, actual);
}

function addRows(rows: Rows, streamId: string, head: StreamHead | undefined, append: StreamAppend): number {
  let version = head?.version ?? 0;
  let previousHash = head?.hash ?? null;
  for (const event of append.events) {
    version += 1;
    const metadata = canonicalMetadata(event.metadata ?? {}); // once: hashed and stored
    const fingerprint = schemaFingerprintOf(event.payload, event.eventId);
    if (!Number.isSafeInteger(event.occurredAt)) {
      throw new InvalidAppendError(`Event ${event.eventId}: occurredAt must be integer epoch milliseconds`);
    }
    const hash = eventHash({ previousHash, streamId, streamVersion: version, eventId: event.eventId, type: event.type, schemaFingerprint: fingerprint, payload: event.payload, metadata, occurredAt: event.occurredAt });
    rows.streamId.push(streamId);
    rows.version.push(version);
    rows.eventId.push(event.eventId);
    rows.type.push(event.type);
    rows.fingerprint.push(fingerprint);
    rows.payload.push(event.payload);
    rows.metadata.push(metadata);
    rows.occurredAt.push(new Date(event.occurredAt).toISOString());
    rows.previousHash.push(previousHash);
    rows.hash.push(hash);
    previousHash = hash;
  }
  return version;
}

async function insertRows(client: PoolClient, rows: Rows): Promise<Map<string, number[]>> {
  try {
    // WITH ORDINALITY + ORDER BY keeps identity values in array order, so positions rise with
    // stream versions inside one transaction.
    const result = await client.query<{ global_position: string; stream_id: string }>(
      `INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_fingerprint, payload,
                           metadata, occurred_at, previous_hash, hash)
       SELECT stream_id, stream_version, event_id, event_type, fingerprint, payload, metadata, occurred_at, previous_hash, hash
         FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::bytea[], $6::bytea[], $7::jsonb[],
                     $8::timestamptz[], $9::bytea[], $10::bytea[])
              WITH ORDINALITY AS row(stream_id, stream_version, event_id, event_type, fingerprint, payload, metadata,
                                     occurred_at, previous_hash, hash, ordinal)
        ORDER BY ordinal
       RETURNING global_position, stream_id`,
      [rows.streamId, rows.version, rows.eventId, rows.type, rows.fingerprint, rows.payload, rows.metadata, rows.occurredAt, rows.previousHash, rows.hash],
    );
    const positions = new Map<string, number[]>();
    for (const row of result.rows) {
      const list = positions.get(row.stream_id) ?? [];
      list.push(Number(row.global_position));
      positions.set(row.stream_id, list);
    }
    return positions;
  } catch (error) {
    throw translateInsertError(error, rows);
  }
}

function translateInsertError(error: unknown, rows: Rows): unknown {
  if (pgErrorCode(error) !== PgErrorCodes.uniqueViolation) return error;
  const { constraint, detail } = error as { constraint?: string; detail?: string };
  if (constraint === 'events_event_id_unique') return new DuplicateEventError(detail ?? 'unknown');
  // A concurrent transaction appended the same version first and has committed.
  const streamId = /\(stream_id, stream_version\)=\((.*), (\d+)\)/.exec(detail ?? '')?.[1] ?? rows.streamId[0] ?? '';
  const attempted = rows.version[rows.streamId.indexOf(streamId)] ?? 1;
  return new ConcurrencyError(streamId, attempted - 1, attempted);
}
