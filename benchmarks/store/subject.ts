import type { Figure } from './metrics';

/** p50 and p99 of stream rebuilds, in milliseconds. */
export interface RebuildFigures {
  p50: Figure;
  p99: Figure;
}

/**
 * One thing being measured (our store, Emmett, bare pg), one method per figure. The runner calls
 * each figure for every subject back to back, so a ratio compares numbers taken seconds apart on
 * a machine whose load drifts. Calls come in this order: single appends (each concurrency),
 * batched appends, global read, outbox, rebuilds; a subject may rely on its earlier writes.
 */
export interface BenchSubject {
  /** Anything the figures alone would hide (printed under the table). */
  readonly notes: string[];
  /** One-event transactions per second from `connections` concurrent workers. */
  singleAppends(connections: number): Promise<Figure>;
  /** Events per second in transactions of `batchSize` events, one connection. */
  batchedAppends(): Promise<Figure>;
  /** Events per second read from the global log in pages. */
  globalRead(): Promise<Figure>;
  /** Events per second from the log into Kafka. */
  outbox(): Promise<Figure>;
  /** Latencies of reading one `streamLength`-event stream. */
  rebuild(): Promise<RebuildFigures>;
  /** Drops everything the subject created. */
  teardown(): Promise<void>;
}
