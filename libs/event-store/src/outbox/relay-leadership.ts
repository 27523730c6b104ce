import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/**
 * Waits until this process holds the relay's session advisory lock (one per schema and name) and
 * returns the connection holding it. The lock dies with the connection, so a killed relay's standby takes over.
 */
export async function acquireLeadership(pool: Pool, name: string, keepTrying: () => boolean): Promise<PoolClient> {
  const client = await pool.connect();
  // Advisory locks are database-wide: the schema is part of the key, so services sharing a
  // database (one schema each) do not wait on each other's relays.
  const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
  const key = createHash('sha256').update(`outbox-relay:${rows[0]?.schema}:${name}`).digest().readBigInt64BE(0);
  while (keepTrying()) {
    const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key.toString()]);
    if (result.rows[0]?.locked) return client;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  client.release();
  throw new Error(`Relay ${name} stopped before it became leader`);
}
