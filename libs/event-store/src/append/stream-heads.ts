import type { PoolClient } from 'pg';

/** The last event of a stream, as an append needs it. */
export interface StreamHead {
  version: number;
  hash: Buffer;
  transactionId: bigint;
}

/**
 * Reads the head of each stream (one index probe per stream) and the current transaction's id,
 * in one round trip.
 */
export async function readStreamHeads(
  client: PoolClient,
  streamIds: string[],
): Promise<{ heads: Map<string, StreamHead>; currentTransactionId: bigint }> {
  const result = await client.query<{ stream_id: string | null; stream_version: number; hash: Buffer; transaction_id: string }>(
    `SELECT NULL AS stream_id, 0 AS stream_version, NULL::bytea AS hash, pg_current_xact_id()::text AS transaction_id
     UNION ALL
     SELECT head.stream_id, head.stream_version, head.hash, head.transaction_id::text
       FROM unnest($1::text[]) AS wanted(stream_id)
       CROSS JOIN LATERAL (
         SELECT stream_id, stream_version, hash, transaction_id FROM events
          WHERE events.stream_id = wanted.stream_id
          ORDER BY stream_version DESC LIMIT 1) AS head`,
    [streamIds],
  );
  const [current, ...rows] = result.rows;
  if (!current) throw new Error('stream heads query returned no row');
  const heads = new Map<string, StreamHead>();
  for (const row of rows) {
    heads.set(row.stream_id as string, {
      version: row.stream_version,
      hash: row.hash,
      transactionId: BigInt(row.transaction_id),
    });
  }
  return { heads, currentTransactionId: BigInt(current.transaction_id) };
}
