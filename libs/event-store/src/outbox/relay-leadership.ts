import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/**
 * Waits until this process holds the relay's session advisory lock and returns the connection
 * holding it. The lock dies with the connection, so a killed relay's standby takes over.
 */
export async function acquireLeadership(pool: Pool, name: string, keepTrying: () => boolean): Promise<PoolClient> {
  const key = createHash('sha256').update(`outbox-relay:${name}`).digest().readBigInt64BE(0);
  const client = await pool.connect();
  while (keepTrying()) {
    const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key.toString()]);
    if (result.rows[0]?.locked) return client;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  client.release();
  throw new Error(`Relay ${name} stopped before it became leader`);
}
