import type { Pool, PoolClient } from 'pg';
import { PgErrorCodes, pgErrorCode, withTransaction } from '@oms/postgres';
import { ConcurrencyError, DuplicateEventError, InvalidAppendError, StreamOrderConflictError } from '../errors/event-store.errors';
import type { AppendResult, ExpectedVersion, StreamAppend } from '../model/stored-event';
import { buildEventRows, EVENT_ROWS_SELECT, eventRowParameters, INSERT_EVENTS_COLUMNS, type EventRows, type HeadedAppend } from './event-rows';
import { SINGLE_EVENT_INSERT, singleEventParameters } from './single-event-insert';
import type { StreamHeadCache } from './stream-head.cache';
import { readStreamHeads, type StreamHead } from './stream-heads';

/** A connection inside the caller's transaction, or the pool for a one-statement autocommit append. */
type Queryable = Pool | PoolClient;

/**
 * Appends events to several streams inside the caller's open transaction: checks every expected
 * version, chains the hashes, and writes all rows in one statement. Throws (writing nothing
 * that the caller's rollback would not undo) on a version conflict, a duplicate event id or a
 * stream last written by a younger transaction.
 *
 * When `known` holds every stream's head at its expected version, the checks run inside the
 * INSERT itself ({@link tryAppendOnKnownHeads}): one round trip instead of two.
 */
export async function appendEvents(client: PoolClient, appends: StreamAppend[], known?: StreamHeadCache): Promise<AppendResult[]> {
  const byStream = mergeByStream(appends);
  return (known && (await tryAppendOnKnownHeads(client, byStream, known))) ?? appendAfterReadingHeads(client, byStream, known);
}

/**
 * The same append without a transaction of the caller's: the one-statement form runs on its own
 * (autocommit: one round trip in all), and only when it cannot be used does a transaction read
 * the heads first.
 */
export async function appendEventsAutocommit(pool: Pool, appends: StreamAppend[], known: StreamHeadCache): Promise<AppendResult[]> {
  const byStream = mergeByStream(appends);
  return (await tryAppendOnKnownHeads(pool, byStream, known)) ?? withTransaction(pool, (tx) => appendAfterReadingHeads(tx, byStream, known));
}

async function appendAfterReadingHeads(client: PoolClient, byStream: Map<string, StreamAppend>, known: StreamHeadCache | undefined): Promise<AppendResult[]> {
  const { heads, currentTransactionId } = await readStreamHeads(client, [...byStream.keys()]);
  checkExpectedVersions(byStream, heads);
  const headed: HeadedAppend[] = [];
  for (const [streamId, append] of byStream) {
    const head = heads.get(streamId);
    if (head && head.transactionId > currentTransactionId) throw new StreamOrderConflictError(streamId);
    headed.push({ append, head });
  }
  return write(client, headed, known, '');
}

/** Throws a {@link ConcurrencyError} naming the first stream off its expected version, and all of them. */
function checkExpectedVersions(byStream: Map<string, StreamAppend>, heads: Map<string, StreamHead>): void {
  const conflicts = [...byStream].filter(([streamId, append]) => !atExpectedVersion(append.expectedVersion, heads.get(streamId)));
  const [first] = conflicts;
  if (!first) return;
  const [streamId, append] = first;
  throw new ConcurrencyError(streamId, append.expectedVersion, heads.get(streamId)?.version ?? 0, conflicts.map(([conflicting]) => conflicting));
}

/**
 * The one-statement append: the INSERT writes only if every stream's cached head is still its
 * head (same version and hash, written by an older transaction, nothing after it). Answers
 * undefined when a cached head is missing or no longer holds — the caller then reads the heads.
 */
async function tryAppendOnKnownHeads(client: Queryable, byStream: Map<string, StreamAppend>, known: StreamHeadCache): Promise<AppendResult[] | undefined> {
  const headed: HeadedAppend[] = [];
  for (const [streamId, append] of byStream) {
    const expected = append.expectedVersion === 'no_stream' ? 0 : append.expectedVersion;
    // 'any' needs the head; an empty append writes nothing, so nothing would check its version.
    if (expected === 'any' || append.events.length === 0) return undefined;
    const head = expected === 0 ? undefined : known.get(streamId);
    if (expected > 0 && head?.version !== expected) return undefined;
    headed.push({ append, head });
  }
  const results = await write(client, headed, known, KNOWN_HEADS_GUARD);
  return results.every((result, index) => result.globalPositions.length === (headed[index]?.append.events.length ?? 0)) ? results : undefined;
}

// $13/$14/$15: each stream, the version it is expected at and that event's hash (null for 0).
const KNOWN_HEADS_GUARD = `
  WHERE (SELECT bool_and(
           (expected.version = 0 OR EXISTS (
              SELECT 1 FROM events head
               WHERE head.stream_id = expected.stream_id AND head.stream_version = expected.version
                 AND head.hash = expected.hash AND head.transaction_id <= pg_current_xact_id()))
           AND NOT EXISTS (
              SELECT 1 FROM events later WHERE later.stream_id = expected.stream_id AND later.stream_version = expected.version + 1))
           FROM unnest($13::text[], $14::int[], $15::bytea[]) AS expected(stream_id, version, hash))`;

async function write(client: Queryable, headed: HeadedAppend[], known: StreamHeadCache | undefined, guard: string): Promise<AppendResult[]> {
  const { rows, lastHashes } = buildEventRows(headed);
  const results = headed.map(({ append, head }) => ({ streamId: append.streamId, nextVersion: (head?.version ?? 0) + append.events.length, globalPositions: [] as number[] }));
  if (rows.eventId.length === 0) return results;
  const positions = await insertRows(client, rows, statementFor(rows, headed, guard));
  for (const result of results) result.globalPositions = positions.get(result.streamId) ?? [];
  if (positions.size > 0) for (const [streamId, head] of lastHashes) known?.remember(streamId, head);
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

function atExpectedVersion(expected: ExpectedVersion, head: StreamHead | undefined): boolean {
  return expected === 'any' || (expected === 'no_stream' ? 0 : expected) === (head?.version ?? 0);
}

/** A named statement and its parameters. Named: each connection parses and plans it once. */
interface InsertStatement {
  name: string;
  text: string;
  values: unknown[];
}

/** One event on a known head takes the scalar statement; everything else the array one. */
function statementFor(rows: EventRows, headed: HeadedAppend[], guard: string): InsertStatement {
  if (guard && rows.eventId.length === 1) return { name: 'event-store-append-one-on-known-head', text: SINGLE_EVENT_INSERT, values: singleEventParameters(rows) };
  const values = eventRowParameters(rows);
  if (guard) values.push(headed.map(({ append }) => append.streamId), headed.map(({ head }) => head?.version ?? 0), headed.map(({ head }) => head?.hash ?? null));
  return {
    name: guard ? 'event-store-append-on-known-heads' : 'event-store-append',
    text: `${INSERT_EVENTS_COLUMNS}
       SELECT stream_id, stream_version, event_id, event_type, schema_fingerprint, payload, metadata, occurred_at, previous_hash, hash
         FROM (${EVENT_ROWS_SELECT}) AS row
       ${guard}
        ORDER BY ordinal
       RETURNING global_position, stream_id`,
    values,
  };
}

async function insertRows(client: Queryable, rows: EventRows, statement: InsertStatement): Promise<Map<string, number[]>> {
  try {
    const result = await client.query<{ global_position: string; stream_id: string }>(statement);
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

function translateInsertError(error: unknown, rows: EventRows): unknown {
  if (pgErrorCode(error) !== PgErrorCodes.uniqueViolation) return error;
  const { constraint, detail } = error as { constraint?: string; detail?: string };
  if (constraint === 'events_event_id_unique') return new DuplicateEventError(detail ?? 'unknown');
  // A concurrent transaction appended the same version first and has committed.
  const streamId = /\(stream_id, stream_version\)=\((.*), (\d+)\)/.exec(detail ?? '')?.[1] ?? rows.streamId[0] ?? '';
  const attempted = rows.version[rows.streamId.indexOf(streamId)] ?? 1;
  return new ConcurrencyError(streamId, attempted - 1, attempted);
}
