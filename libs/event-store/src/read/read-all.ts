import type { Pool, PoolClient } from 'pg';
import type { LogCheckpoint, LoggedEvent } from '../model/stored-event';
import { LOG_COLUMNS, toLoggedEvent, type LogRow } from './event-row';

/** A page of the global log and where the next page starts. */
export interface LogPage {
  events: LoggedEvent[];
  /** Pass it back to read on; equal to the input when nothing new was safe to read. */
  checkpoint: LogCheckpoint;
}

/**
 * Reads the global log after `after`, at most `limit` events, for projections and the outbox.
 *
 * Positions come from a sequence, so a transaction holding a low position can commit after one
 * holding a higher position: tailing by position alone skips it for ever. This reader returns
 * only events of transactions older than the oldest one still open (`pg_snapshot_xmin`) — those
 * are final — ordered by (transaction, position), an order later commits can only extend. An
 * open transaction holds the reader back until it ends; a rolled-back one stops mattering once
 * it ends, so nothing stalls for ever.
 */
export async function readAll(db: Pool | PoolClient, after: LogCheckpoint, limit = 1000): Promise<LogPage> {
  const result = await db.query<LogRow>({
    name: 'event-store-read-all',
    text: `SELECT ${LOG_COLUMNS} FROM events
      WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
        AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY events.transaction_id, events.global_position -- the xid8 column, not the text alias
      LIMIT $3`,
    values: [after.transactionId, after.position, limit],
  });
  const events = result.rows.map(toLoggedEvent);
  const last = events[events.length - 1];
  return { events, checkpoint: last ? { transactionId: last.transactionId, position: last.globalPosition } : after };
}
