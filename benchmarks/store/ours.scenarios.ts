import type { Pool } from 'pg';
import { EventStore, eventStoreMigrations, OutboxRelay, START_OF_LOG, type StreamAppend } from '@oms/event-store';
import { runMigrations } from '@oms/postgres';
import { createTestSchema, uniqueName, type TestSchema } from '@oms/testing';
import { createBenchPublisher, createBenchTopic } from './kafka-publisher';
import { notApplicable, type Figure } from './metrics';
import { batchedStreams, orderEvent, singleAppendTarget, toNewEvent } from './order-events';
import { batchCounts, poolSizeFor, REBUILD_WARMUP_SAMPLES, type ScenarioContext } from './scenario-context';
import { median, nowMs, percentile, perSecond, timeMs } from './stats';
import type { BenchSubject, RebuildFigures } from './subject';
import { randomPicks, runWorkers, sampleLatencies } from './workers';
import { describeOldestTransaction, untilBelowHorizon, waitForProgress } from './xmin-horizon';

const RELAY_NAME = 'bench-outbox';

/**
 * Our event store (libs/event-store) in a fresh schema, measured through its public API only:
 * `append`, `appendMany`, `readAll`, `readStream` and `OutboxRelay`.
 */
export async function createOurSubject(context: ScenarioContext): Promise<BenchSubject> {
  const db = await createTestSchema('bench_store', poolSizeFor(context.config));
  try {
    await runMigrations(db.pool, db.schema, eventStoreMigrations);
  } catch (error) {
    await db.drop();
    throw error;
  }
  return new OurStoreSubject(context, db);
}

class OurStoreSubject implements BenchSubject {
  readonly notes: string[] = [];
  private readonly store: EventStore;
  /** The streams the batched figure wrote, each exactly `streamLength` events: rebuild targets. */
  private rebuildStreams: string[] = [];

  constructor(
    private readonly context: ScenarioContext,
    private readonly db: TestSchema,
  ) {
    this.store = new EventStore(db.pool);
  }

  /** One event per `append` (one transaction each) from `connections` concurrent workers. */
  async singleAppends(connections: number): Promise<Figure> {
    // The event is built inside the loop (a few µs against a commit of about a millisecond), as
    // the Emmett and raw-pg loops do too.
    const appendOne = (label: string) => (worker: number, nth: number) => {
      const target = singleAppendTarget(label, worker, nth);
      const event = toNewEvent(orderEvent(target.orderNo, target.expectedVersion + 1));
      return this.store.append(target.streamId, target.expectedVersion, [event]);
    };
    await runWorkers(connections, this.context.config.warmupOps, appendOne(`warm-c${connections}`));
    await this.context.settle();
    const elapsed = await runWorkers(connections, this.context.config.singleAppends, appendOne(`single-c${connections}`));
    return perSecond(this.context.config.singleAppends, elapsed);
  }

  /** `appendMany` of `batchSize` events spread over new streams, one transaction each, one connection. */
  async batchedAppends(): Promise<Figure> {
    const { batchSize, streamLength } = this.context.config;
    const counts = batchCounts(this.context.config);
    // Built before the clock starts, so the figure measures the store, not the workload.
    const plan = (label: string, batches: number) =>
      batchedStreams(label, batches, batchSize / streamLength, streamLength).map((batch) =>
        batch.map(({ streamId, events }): StreamAppend => ({ streamId, expectedVersion: 0, events: events.map(toNewEvent) })),
      );
    for (const appends of plan('warm-batch', counts.warmup)) await this.store.appendMany(appends);
    const timed = plan('batch', counts.timed);
    await this.context.settle();
    const elapsed = await timeMs(async () => {
      for (const appends of timed) await this.store.appendMany(appends);
    });
    this.rebuildStreams = timed.flat().map((append) => append.streamId);
    return perSecond(counts.timed * batchSize, elapsed);
  }

  /** Whole-log passes with `readAll` pages; the first pass is untimed (cache, hint bits) and counts what it reads. */
  async globalRead(): Promise<Figure> {
    // Fresh statistics, as autovacuum would have by now in a service that has been running.
    await this.db.pool.query('ANALYZE events');
    const pageSize = this.context.config.readPageSize;
    const readWholeLog = async () => {
      let checkpoint = START_OF_LOG;
      let events = 0;
      for (;;) {
        const page = await this.store.readAll(checkpoint, pageSize);
        events += page.events.length;
        checkpoint = page.checkpoint;
        if (page.events.length < pageSize) return events;
      }
    };
    const blocked = await untilBelowHorizon(this.db.pool, 'events');
    if (blocked) return notApplicable(blocked);
    const stored = await eventCount(this.db.pool);
    const read = await readWholeLog();
    if (read !== stored) this.notes.push(`ours: readAll returned ${read} events of ${stored} stored, all below the xmin horizon`);
    const rates: number[] = [];
    for (let pass = 0; pass < this.context.config.readPasses; pass += 1) {
      let events = 0;
      const elapsed = await timeMs(async () => (events = await readWholeLog()));
      rates.push(perSecond(events, elapsed));
    }
    return median(rates);
  }

  /**
   * Every stored event through `OutboxRelay` into a fresh topic with an idempotent, acks-all
   * producer: timed from `start()` until the relay's saved checkpoint covers the last event.
   */
  async outbox(): Promise<Figure> {
    const { kafkaBrokers, relayBatchSize } = this.context.config;
    const pool = this.db.pool;
    const total = await eventCount(pool);
    const topic = uniqueName('bench-outbox');
    const deleteTopic = await createBenchTopic(kafkaBrokers, topic);
    try {
      const { publish, producer } = await createBenchPublisher(kafkaBrokers);
      const relay = new OutboxRelay({ pool, publish, topicFor: () => topic, name: RELAY_NAME, batchSize: relayBatchSize });
      try {
        const started = nowMs();
        await relay.start();
        // `published` grows only after a batch's checkpoint is saved, so this waits for the checkpoint.
        const finished = await waitForProgress(() => relay.published, total);
        const elapsed = nowMs() - started;
        await relay.stop();
        if (!finished) return notApplicable(`relay stalled at ${relay.published} of ${total} events: ${await describeOldestTransaction(pool)}`);
        await assertCheckpointAtEnd(pool);
        return perSecond(total, elapsed);
      } finally {
        await relay.stop(); // a no-op after the stop above; releases leadership if the wait failed
        await producer.disconnect();
      }
    } finally {
      await deleteTopic();
    }
  }

  /** `readStream` of random streams written by the batched figure, one at a time. */
  async rebuild(): Promise<RebuildFigures> {
    const { streamLength, rebuildSamples } = this.context.config;
    const rebuildOne = async (streamId: string) => {
      const events = await this.store.readStream(streamId);
      if (events.length !== streamLength) throw new Error(`${streamId} has ${events.length} events, expected ${streamLength}`);
    };
    await sampleLatencies(randomPicks(this.rebuildStreams, REBUILD_WARMUP_SAMPLES), rebuildOne);
    const latencies = await sampleLatencies(randomPicks(this.rebuildStreams, rebuildSamples), rebuildOne);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  }

  teardown(): Promise<void> {
    return this.db.drop();
  }
}

async function eventCount(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ events: number }>('SELECT count(*)::int AS events FROM events');
  return rows[0]!.events;
}

/** Proves the outbox figure honest: the saved checkpoint is the last event in tailing order. */
async function assertCheckpointAtEnd(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ at_end: boolean }>(
    `SELECT (c.transaction_id, c.position) = (e.transaction_id, e.global_position) AS at_end
       FROM outbox_checkpoints c,
            (SELECT transaction_id, global_position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1) e
      WHERE c.name = $1`,
    [RELAY_NAME],
  );
  if (!rows[0]?.at_end) throw new Error('The outbox checkpoint does not cover the last event; the outbox figure is void');
}
