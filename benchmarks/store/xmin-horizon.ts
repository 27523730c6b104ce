import type { Pool } from 'pg';
import { nowMs } from './stats';

/**
 * Who holds back `pg_snapshot_xmin`: the oldest transaction on the whole server that has an xid.
 *
 * Both stores' global readers return only events below that horizon (so a late commit is never
 * skipped). Any transaction left open on the server — in any database, by anyone — therefore
 * stops them, and on a shared machine that is someone else's test more often than not. A figure
 * measured while blocked would be void, so the scenarios report it as n/a with this description.
 */
export async function describeOldestTransaction(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ pid: number; datname: string; application_name: string; state: string; seconds: number; query: string }>(
    `SELECT pid, datname, application_name, state, extract(epoch FROM now() - xact_start)::int AS seconds, left(query, 60) AS query
       FROM pg_stat_activity
      WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
      ORDER BY age(backend_xid) DESC
      LIMIT 1`,
  );
  const oldest = rows[0];
  if (!oldest) return 'no open transaction found (the horizon moved on meanwhile)';
  const who = oldest.application_name ? `${oldest.application_name}, ` : '';
  return `blocked by an open transaction elsewhere on the server (pid ${oldest.pid}, ${who}db ${oldest.datname}, ${oldest.state} for ${oldest.seconds} s: "${oldest.query}") that holds back pg_snapshot_xmin`;
}

/**
 * Waits until `current()` reaches `target`; gives up when it has not moved for `stallMs`.
 * Returns whether the target was reached.
 */
export async function waitForProgress(current: () => number, target: number, stallMs = 15_000): Promise<boolean> {
  let last = current();
  let lastMove = nowMs();
  while (current() < target) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (current() !== last) {
      last = current();
      lastMove = nowMs();
    } else if (nowMs() - lastMove > stallMs) {
      return false;
    }
  }
  return true;
}

/**
 * Waits until every row of `table` was written by a transaction below the server's xmin horizon,
 * so a global reader can see them all. Returns nothing then, or why not after `patienceMs`.
 */
export async function untilBelowHorizon(pool: Pool, table: 'events' | 'emt_messages', patienceMs = 15_000): Promise<string | undefined> {
  const deadline = nowMs() + patienceMs;
  for (;;) {
    const { rows } = await pool.query<{ visible: boolean }>(
      `SELECT coalesce(max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot()), true) AS visible FROM ${table}`,
    );
    if (rows[0]!.visible) return undefined;
    if (nowMs() > deadline) return describeOldestTransaction(pool);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
