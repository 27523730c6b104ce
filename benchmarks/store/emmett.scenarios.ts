import { Pool } from 'pg';
import { type Dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import { createThrowawayDatabase, type ThrowawayDatabase } from './bench-database';
import { emmettConnection } from './emmett-connection';
import { notApplicable, type Figure } from './metrics';
import { batchedStreams, orderEvent, singleAppendTarget, toEmmettEvent, type EmmettOrderEvent } from './order-events';
import { batchCounts, poolSizeFor, REBUILD_WARMUP_SAMPLES, type ScenarioContext } from './scenario-context';
import { median, percentile, perSecond, timeMs } from './stats';
import type { BenchSubject, RebuildFigures } from './subject';
import { randomPicks, runWorkers, sampleLatencies } from './workers';
import { untilBelowHorizon } from './xmin-horizon';

/** Streams seeded for Emmett's rebuild figure (its batched figure writes one long stream per transaction). */
const REBUILD_STREAMS = 200;

/**
 * Emmett's PostgreSQL event store (`@event-driven-io/emmett-postgresql`) with the same workload,
 * in a throwaway database of its own (Emmett keeps its tables in `public`), schema created by
 * Emmett's own migration.
 */
export async function createEmmettSubject(context: ScenarioContext): Promise<BenchSubject> {
  const database = await createThrowawayDatabase(context.config.databaseUrl, 'bench_emmett');
  const { pool, connection } = emmettConnection(database.url, poolSizeFor(context.config));
  const store = getPostgreSQLEventStore(database.url, { connectionOptions: { dumbo: connection } });
  const subject = new EmmettSubject(context, database, pool, connection, store);
  try {
    await store.schema.migrate();
  } catch (error) {
    await subject.teardown();
    throw error;
  }
  return subject;
}

class EmmettSubject implements BenchSubject {
  readonly notes: string[] = [];
  private rebuildStreams: string[] = [];

  constructor(
    private readonly context: ScenarioContext,
    private readonly database: ThrowawayDatabase,
    private readonly pool: Pool,
    private readonly connection: Dumbo,
    private readonly store: PostgresEventStore,
  ) {}

  /** One event per `appendToStream` (one transaction each), with the expected stream version. */
  async singleAppends(connections: number): Promise<Figure> {
    const appendOne = (label: string) => (worker: number, nth: number) => {
      const target = singleAppendTarget(label, worker, nth);
      const event = toEmmettEvent(orderEvent(target.orderNo, target.expectedVersion + 1));
      return this.store.appendToStream(target.streamId, [event], { expectedStreamVersion: BigInt(target.expectedVersion) });
    };
    await runWorkers(connections, this.context.config.warmupOps, appendOne(`warm-c${connections}`));
    await this.context.settle();
    const elapsed = await runWorkers(connections, this.context.config.singleAppends, appendOne(`single-c${connections}`));
    return perSecond(this.context.config.singleAppends, elapsed);
  }

  /**
   * `batchSize` events per `appendToStream`, one transaction each. Emmett appends to one stream
   * per call and has no atomic multi-stream append, so each transaction here is one long stream:
   * the same events per commit as ours, without the multi-stream head look-up.
   */
  async batchedAppends(): Promise<Figure> {
    const { batchSize } = this.context.config;
    const counts = batchCounts(this.context.config);
    const plan = (label: string, batches: number) =>
      batchedStreams(label, batches, 1, batchSize).map(([stream]) => ({ streamId: stream!.streamId, events: stream!.events.map(toEmmettEvent) }));
    await this.appendAll(plan('warm-batch', counts.warmup));
    const timed = plan('batch', counts.timed);
    await this.context.settle();
    const elapsed = await timeMs(() => this.appendAll(timed));
    this.rebuildStreams = await this.seedRebuildStreams();
    return perSecond(counts.timed * batchSize, elapsed);
  }

  /**
   * Whole-log passes with `readMessagesBatch` (the reader under Emmett's consumers: the same
   * xmin-safe filter and ordering as ours, but paged by position); the first pass is untimed and
   * counts what it reads.
   */
  async globalRead(): Promise<Figure> {
    await this.pool.query('ANALYZE emt_messages');
    const pageSize = this.context.config.readPageSize;
    const readWholeLog = async () => {
      let after = 0n;
      let events = 0;
      for (;;) {
        const page = await readMessagesBatch(this.connection.execute, { after, batchSize: pageSize });
        events += page.messages.length;
        after = page.currentGlobalPosition;
        if (!page.areMessagesLeft) return events;
      }
    };
    const blocked = await untilBelowHorizon(this.pool, 'emt_messages');
    if (blocked) return notApplicable(blocked);
    const { rows } = await this.pool.query<{ stored: number }>('SELECT count(*)::int AS stored FROM emt_messages');
    const read = await readWholeLog();
    if (read !== rows[0]!.stored) {
      this.notes.push(
        `Emmett: readMessagesBatch returned ${read} events of ${rows[0]!.stored} stored (it orders by transaction id but pages by global position, so concurrent appends repeat or skip events at page boundaries)`,
      );
    }
    const rates: number[] = [];
    for (let pass = 0; pass < this.context.config.readPasses; pass += 1) {
      let events = 0;
      const elapsed = await timeMs(async () => (events = await readWholeLog()));
      rates.push(perSecond(events, elapsed));
    }
    return median(rates);
  }

  async outbox(): Promise<Figure> {
    return notApplicable(
      'Emmett ships no Kafka outbox or relay (its consumers feed in-process handlers); a bridge written here would measure this script, not Emmett',
    );
  }

  /** `readStream` of random `streamLength`-event streams, one at a time. */
  async rebuild(): Promise<RebuildFigures> {
    const { streamLength, rebuildSamples } = this.context.config;
    const rebuildOne = async (streamId: string) => {
      const { events } = await this.store.readStream(streamId);
      if (events.length !== streamLength) throw new Error(`${streamId} has ${events.length} events, expected ${streamLength}`);
    };
    await sampleLatencies(randomPicks(this.rebuildStreams, REBUILD_WARMUP_SAMPLES), rebuildOne);
    const latencies = await sampleLatencies(randomPicks(this.rebuildStreams, rebuildSamples), rebuildOne);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  }

  async teardown(): Promise<void> {
    await this.store.close();
    await this.pool.end();
    await this.database.drop();
  }

  private async appendAll(streams: { streamId: string; events: EmmettOrderEvent[] }[]): Promise<void> {
    for (const { streamId, events } of streams) await this.store.appendToStream(streamId, events, { expectedStreamVersion: 0n });
  }

  /** Streams of exactly `streamLength` events for the rebuild figure (untimed). */
  private async seedRebuildStreams(): Promise<string[]> {
    const streams = batchedStreams('rebuild', REBUILD_STREAMS, 1, this.context.config.streamLength).map(([stream]) => ({
      streamId: stream!.streamId,
      events: stream!.events.map(toEmmettEvent),
    }));
    await this.appendAll(streams);
    return streams.map((stream) => stream.streamId);
  }
}
