import type { Pool } from 'pg';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { notApplicable, type Figure } from './metrics';
import { batchedStreams, orderEvent, singleAppendTarget, toRawPayload } from './order-events';
import { batchCounts, poolSizeFor, REBUILD_WARMUP_SAMPLES, type ScenarioContext } from './scenario-context';
import { median, percentile, perSecond, timeMs } from './stats';
import type { BenchSubject, RebuildFigures } from './subject';
import { randomPicks, runWorkers, sampleLatencies } from './workers';

const INSERT_ONE = 'INSERT INTO raw_events (stream_id, payload) VALUES ($1, $2)';

/**
 * The floor: what bare `pg` gets from the same server with the same ~300-byte payloads, in a
 * table with nothing but an identity primary key (no versions, no hashes, no uniqueness checks,
 * no trigger). Each INSERT runs in autocommit, so one statement = one round trip = one commit.
 */
export async function createRawPgSubject(context: ScenarioContext): Promise<BenchSubject> {
  const db = await createTestSchema('bench_raw', poolSizeFor(context.config));
  await db.pool.query(`CREATE TABLE raw_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_id text NOT NULL,
    payload bytea NOT NULL)`);
  return new RawPgSubject(context, db);
}

class RawPgSubject implements BenchSubject {
  readonly notes: string[] = [];
  private readonly pool: Pool;

  constructor(
    private readonly context: ScenarioContext,
    private readonly db: TestSchema,
  ) {
    this.pool = db.pool;
  }

  /** One-row INSERT per transaction from `connections` concurrent workers. */
  async singleAppends(connections: number): Promise<Figure> {
    const insertOne = (label: string) => (worker: number, nth: number) => {
      const target = singleAppendTarget(label, worker, nth);
      return this.pool.query(INSERT_ONE, [target.streamId, toRawPayload(orderEvent(target.orderNo, target.expectedVersion + 1))]);
    };
    await runWorkers(connections, this.context.config.warmupOps, insertOne(`warm-c${connections}`));
    await this.context.settle();
    const elapsed = await runWorkers(connections, this.context.config.singleAppends, insertOne(`single-c${connections}`));
    return perSecond(this.context.config.singleAppends, elapsed);
  }

  /** One `INSERT ... VALUES (...), (...), ...` of `batchSize` rows per transaction, one connection. */
  async batchedAppends(): Promise<Figure> {
    const { batchSize, streamLength } = this.context.config;
    const counts = batchCounts(this.context.config);
    const placeholders = Array.from({ length: batchSize }, (_, row) => `($${row * 2 + 1}, $${row * 2 + 2})`).join(', ');
    const sql = `INSERT INTO raw_events (stream_id, payload) VALUES ${placeholders}`;
    const plan = (label: string, batches: number) =>
      batchedStreams(label, batches, batchSize / streamLength, streamLength).map((batch) =>
        batch.flatMap(({ streamId, events }) => events.flatMap((event) => [streamId, toRawPayload(event)])),
      );
    for (const parameters of plan('warm-batch', counts.warmup)) await this.pool.query(sql, parameters);
    const timed = plan('batch', counts.timed);
    await this.context.settle();
    const elapsed = await timeMs(async () => {
      for (const parameters of timed) await this.pool.query(sql, parameters);
    });
    return perSecond(counts.timed * batchSize, elapsed);
  }

  /** Whole-table passes in primary-key pages of `readPageSize`; the first pass is untimed. */
  async globalRead(): Promise<Figure> {
    await this.pool.query('ANALYZE raw_events');
    const pageSize = this.context.config.readPageSize;
    const readWholeTable = async () => {
      let after = 0;
      let rows = 0;
      for (;;) {
        const page = await this.pool.query<{ id: string }>('SELECT id, stream_id, payload FROM raw_events WHERE id > $1 ORDER BY id LIMIT $2', [after, pageSize]);
        rows += page.rows.length;
        if (page.rows.length < pageSize) return rows;
        after = Number(page.rows[page.rows.length - 1]!.id);
      }
    };
    await readWholeTable();
    const rates: number[] = [];
    for (let pass = 0; pass < this.context.config.readPasses; pass += 1) {
      let rows = 0;
      const elapsed = await timeMs(async () => (rows = await readWholeTable()));
      rates.push(perSecond(rows, elapsed));
    }
    return median(rates);
  }

  async outbox(): Promise<Figure> {
    return notApplicable('a bare table has no relay; the figure is about the store');
  }

  /** The floor of a stream rebuild: `streamLength` consecutive rows by primary-key range. */
  async rebuild(): Promise<RebuildFigures> {
    const { streamLength, rebuildSamples } = this.context.config;
    const { rows } = await this.pool.query<{ first: string; last: string }>('SELECT min(id) AS first, max(id) AS last FROM raw_events');
    const first = Number(rows[0]!.first);
    const starts = Array.from({ length: Number(rows[0]!.last) - first - streamLength + 2 }, (_, index) => first + index);
    const readRange = async (start: number) => {
      const result = await this.pool.query('SELECT id, stream_id, payload FROM raw_events WHERE id BETWEEN $1 AND $2 ORDER BY id', [start, start + streamLength - 1]);
      if (result.rows.length !== streamLength) throw new Error(`range at ${start} has ${result.rows.length} rows, expected ${streamLength}`);
    };
    await sampleLatencies(randomPicks(starts, REBUILD_WARMUP_SAMPLES), readRange);
    const latencies = await sampleLatencies(randomPicks(starts, rebuildSamples), readRange);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  }

  teardown(): Promise<void> {
    return this.db.drop();
  }
}
