import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

/** A throwaway database on the benchmark's server and the URL that reaches it. */
export interface ThrowawayDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates `<prefix>_<random>` on the server of `serverUrl`. Emmett keeps its tables and functions
 * in whatever schema `search_path` names first (`public`), so a database of its own is the
 * simplest way to keep it out of ours.
 */
export async function createThrowawayDatabase(serverUrl: string, prefix: string): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // FORCE ends any connection a failed run left behind (PostgreSQL 13+).
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Flushes dirty pages now, so the next figure does not pay for a checkpoint that the previous one
 * caused (needs a superuser or pg_checkpoint, which the local `postgres` user is).
 */
export function checkpoint(serverUrl: string): Promise<void> {
  return onServer(serverUrl, 'CHECKPOINT');
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const pool = new Pool({ connectionString: serverUrl, max: 1 });
  try {
    await pool.query(sql);
  } finally {
    await pool.end();
  }
}
