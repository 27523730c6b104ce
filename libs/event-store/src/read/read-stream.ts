import type { Pool, PoolClient } from 'pg';
import type { StoredEvent } from '../model/stored-event';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './event-row';

/** Which part of a stream to read. */
export interface ReadStreamOptions {
  /** First version to return (default 1). */
  fromVersion?: number;
  /** Last version to return (default: the head). */
  toVersion?: number;
  /**
   * Only events the store had recorded at this instant (epoch ms): the stream as it was then.
   * Recording time rises with the version inside a stream (an append sees the previous one
   * committed), so the result is always a prefix of the stream.
   */
  asOf?: number;
}

/** Reads one stream in version order. An unknown stream reads as empty. */
export async function readStream(
  db: Pool | PoolClient,
  streamId: string,
  { fromVersion = 1, toVersion = 2 ** 31 - 1, asOf }: ReadStreamOptions = {},
): Promise<StoredEvent[]> {
  const result = await db.query<EventRow>({
    name: 'event-store-read-stream',
    text: `SELECT ${EVENT_COLUMNS} FROM events
      WHERE stream_id = $1 AND stream_version BETWEEN $2 AND $3
        AND ($4::bigint IS NULL OR floor(extract(epoch FROM recorded_at) * 1000) <= $4::bigint)
      ORDER BY stream_version`,
    values: [streamId, fromVersion, toVersion, asOf ?? null],
  });
  return result.rows.map(toStoredEvent);
}
