import type { BenchConfig } from './bench-config';

/** Who is measured: our event store, Emmett's PostgreSQL event store, and bare `pg` as the floor. */
export type Subject = 'ours' | 'emmett' | 'raw';

/** A figure some subject cannot produce, with the reason printed under the table. */
export interface NotApplicable {
  notApplicable: string;
}

/** One measured number, or why there is none. */
export type Figure = number | NotApplicable;

/** What one subject's scenarios produced, by metric key (see {@link metricCatalogue}). */
export type SubjectFigures = Record<string, Figure>;

/** A row of the report: what is measured, in which unit, which way is better, and our target. */
export interface MetricSpec {
  key: string;
  label: string;
  unit: 'appends/s' | 'events/s' | 'ms';
  better: 'higher' | 'lower';
  /** Our store's target (≥ for higher-is-better, ≤ for lower-is-better); none for context rows. */
  target?: number;
}

/** Metric keys, so the scenario files and the report agree on names. */
export const MetricKeys = {
  singleAppend: (connections: number) => `append.single.c${connections}`,
  batchedAppend: 'append.batched',
  globalRead: 'read.global',
  outbox: 'outbox.kafka',
  rebuildP50: 'rebuild.p50',
  rebuildP99: 'rebuild.p99',
} as const;

/** The report's rows for this configuration, in print order. Targets are the brief's. */
export function metricCatalogue(config: BenchConfig): MetricSpec[] {
  return [
    ...config.concurrencies.map((connections): MetricSpec => ({
      key: MetricKeys.singleAppend(connections),
      label: `single-event append, ${connections} conn`,
      unit: 'appends/s',
      better: 'higher',
    })),
    { key: MetricKeys.batchedAppend, label: `batched append, ${config.batchSize} ev/txn`, unit: 'events/s', better: 'higher', target: 20_000 },
    { key: MetricKeys.globalRead, label: `global read, pages of ${config.readPageSize}`, unit: 'events/s', better: 'higher', target: 100_000 },
    { key: MetricKeys.outbox, label: 'outbox -> Kafka (acks all)', unit: 'events/s', better: 'higher', target: 20_000 },
    { key: MetricKeys.rebuildP50, label: `rebuild ${config.streamLength}-ev stream p50`, unit: 'ms', better: 'lower' },
    { key: MetricKeys.rebuildP99, label: `rebuild ${config.streamLength}-ev stream p99`, unit: 'ms', better: 'lower', target: 5 },
  ];
}

/** Marks a figure as not measurable for a subject. */
export function notApplicable(reason: string): NotApplicable {
  return { notApplicable: reason };
}

/** True when the figure is a measured number. */
export function isMeasured(figure: Figure | undefined): figure is number {
  return typeof figure === 'number';
}

/** What each subject does for each row, printed under the table so ratios are read correctly. */
export function methodNotes(config: BenchConfig): string[] {
  const streamsPerBatch = config.batchSize / config.streamLength;
  return [
    `single append: ours = EventStore.append (one autocommit INSERT with scalar parameters that checks the cached stream head itself; BEGIN, head query, INSERT, COMMIT when the head is not cached); Emmett = appendToStream (BEGIN, emt_append_to_stream(), COMMIT); raw = autocommit one-row INSERT; ${config.singleAppends} timed per connection count, each worker appending the 8 events of its own orders`,
    `batched append (1 connection): ours = appendMany of ${streamsPerBatch} new streams x ${config.streamLength} events; Emmett = appendToStream of ${config.batchSize} events to ONE new stream (it has no atomic multi-stream append); raw = one ${config.batchSize}-row INSERT ... VALUES; ${config.batchedEvents} events timed`,
    `global read: ours = EventStore.readAll; Emmett = readMessagesBatch (the reader under its consumers); raw = SELECT ... WHERE id > $1 ORDER BY id LIMIT n; median of ${config.readPasses} passes over the whole log after one untimed pass`,
    `outbox: OutboxRelay (batch ${config.relayBatchSize}) over every event in our log into a fresh 4-partition topic, kafkajs idempotent producer, acks -1, 1 request in flight; timed from start() until the saved checkpoint is the last event`,
    `rebuild: ours = readStream of a random ${config.streamLength}-event stream written by the batched figure; Emmett = readStream of a random one of 200 seeded ${config.streamLength}-event streams; raw = ${config.streamLength} consecutive rows by primary-key range; ${config.rebuildSamples} samples after 200 untimed`,
    'each figure is measured for ours, Emmett and raw back to back (so a ratio compares numbers taken seconds apart); each subject has its own fresh schema (ours, raw) or database (Emmett) and pool; ANALYZE before reads, CHECKPOINT before each timed write figure',
  ];
}
