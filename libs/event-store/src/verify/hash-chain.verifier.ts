import type { Pool, PoolClient } from 'pg';
import { eventHash } from '../hash/event-hash';
import type { StoredEvent } from '../model/stored-event';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from '../read/event-row';

/** Why the verifier stopped at an event. */
export type ChainBreak =
  /** The event's bytes no longer produce its stored hash: it was altered. */
  | 'hash-mismatch'
  /** The event does not point at its predecessor's hash: the predecessor was altered or replaced. */
  | 'broken-link'
  /** A version is missing before this event: an event was removed. */
  | 'missing-version';

/** The verifier's verdict. On failure it names the first event (in stream, version order) found broken. */
export type VerificationResult =
  | { ok: true; streamsChecked: number; eventsChecked: number }
  | { ok: false; reason: ChainBreak; streamId: string; streamVersion: number; globalPosition: number; eventId: string; message: string; eventsChecked: number };

/**
 * Re-derives every hash of one stream (or of the whole store) from the stored bytes and checks
 * each link, so an auditor can prove nothing was altered or removed. Reads in pages, so the
 * whole store can be checked in bounded memory.
 */
export async function verifyHashChain(db: Pool | PoolClient, streamId?: string, pageSize = 5000): Promise<VerificationResult> {
  let after: { streamId: string; version: number } = { streamId: '', version: 0 };
  let previous: StoredEvent | undefined;
  let eventsChecked = 0;
  let streamsChecked = 0;
  for (;;) {
    const page = await readPage(db, after, streamId, pageSize);
    for (const event of page) {
      const sameStream = previous?.streamId === event.streamId;
      if (!sameStream) streamsChecked += 1;
      const broken = checkEvent(event, sameStream ? previous : undefined);
      if (broken) return { ok: false, ...broken, eventsChecked };
      eventsChecked += 1;
      previous = event;
    }
    const last = page[page.length - 1];
    if (!last || page.length < pageSize) return { ok: true, streamsChecked, eventsChecked };
    after = { streamId: last.streamId, version: last.streamVersion };
  }
}

async function readPage(db: Pool | PoolClient, after: { streamId: string; version: number }, streamId: string | undefined, limit: number) {
  const result = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events
      WHERE (stream_id, stream_version) > ($1, $2) AND ($3::text IS NULL OR stream_id = $3)
      ORDER BY stream_id, stream_version LIMIT $4`,
    [after.streamId, after.version, streamId ?? null, limit],
  );
  return result.rows.map(toStoredEvent);
}

function checkEvent(event: StoredEvent, previous: StoredEvent | undefined) {
  const at = { streamId: event.streamId, streamVersion: event.streamVersion, globalPosition: event.globalPosition, eventId: event.eventId };
  const expectedVersion = (previous?.streamVersion ?? 0) + 1;
  if (event.streamVersion !== expectedVersion) {
    return { reason: 'missing-version' as const, ...at, message: `Stream ${event.streamId}: version ${expectedVersion} is missing before version ${event.streamVersion}` };
  }
  const expectedLink = previous?.hash ?? null;
  if (!sameBytes(event.previousHash, expectedLink)) {
    return { reason: 'broken-link' as const, ...at, message: `Stream ${event.streamId} version ${event.streamVersion}: previous hash does not match version ${expectedVersion - 1}` };
  }
  if (!eventHash({ ...event, schemaFingerprint: event.schemaFingerprint }).equals(event.hash)) {
    return { reason: 'hash-mismatch' as const, ...at, message: `Stream ${event.streamId} version ${event.streamVersion} (event ${event.eventId}, position ${event.globalPosition}) was altered: its bytes no longer match its hash` };
  }
  return undefined;
}

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  if (a === null || b === null) return a === b;
  return a.equals(b);
}
