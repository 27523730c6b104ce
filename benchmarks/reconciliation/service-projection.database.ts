import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestSchema, testDatabaseUrl } from '@oms/testing';
import type { ServiceDay } from './service-day';

const CHUNK = 5_000;
const ROOT = join(__dirname, '../..');
const run = promisify(execFile);
const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

/** What the service's commands did on the stored day. */
export interface DatabaseRun {
  storeSeconds: number;
  /** The rebuild command's own line (counts and the run's time) and the process's wall time. */
  rebuild: { output: string; wallSeconds: number };
  /** The same for a second matching run with nothing new: only changed rows are written. */
  rerun: { output: string; wallSeconds: number };
}

async function command(script: string, schema: string): Promise<{ output: string; wallSeconds: number }> {
  const started = process.hrtime.bigint();
  const { stdout } = await run(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/reconciliation-service/src', script)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema },
    maxBuffer: 1 << 20,
  });
  return { output: stdout.trim(), wallSeconds: seconds(started) };
}

/**
 * Stores the day in a fresh schema of the service (its own migration command; bulk inserts, as
 * loading is not what is measured), then runs the service's rebuild command — one full matching
 * run: read every input, derive, match, write the projection — and its match command (a run with
 * nothing new), and drops the schema.
 */
export async function runProjectionInDatabase(day: ServiceDay): Promise<DatabaseRun> {
  const db = await createTestSchema('recon_bench', 4);
  try {
    await command('migrate.ts', db.schema);
    const started = process.hrtime.bigint();
    for (let start = 0; start < day.facts.length; start += CHUNK) {
      const chunk = day.facts.slice(start, start + CHUNK);
      await db.pool.query(
        `INSERT INTO recon_fact (fact_id, topic, record_name, occurred_at, payload, recorded_at) SELECT f, 'bench', r, 0, p, 0 FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS t(f, r, p)`,
        [chunk.map((fact) => fact.factId), chunk.map((fact) => fact.recordName), chunk.map((fact) => JSON.stringify(fact.value))],
      );
    }
    for (let start = 0; start < day.lines.length; start += CHUNK) {
      const chunk = day.lines.slice(start, start + CHUNK);
      await db.pool.query(`INSERT INTO statement_line (line_id, source, payload, recorded_at) SELECT l, 'topic', p, 0 FROM unnest($1::text[], $2::jsonb[]) AS t(l, p)`, [
        chunk.map((line) => line.lineId),
        chunk.map((line) => JSON.stringify(line.input)),
      ]);
    }
    const storeSeconds = seconds(started);
    const rebuild = await command('cli/rebuild-projection.ts', db.schema);
    const rerun = await command('cli/match.ts', db.schema);
    return { storeSeconds, rebuild, rerun };
  } finally {
    await db.drop();
  }
}
