import type { BenchConfig } from './bench-config';
import { checkpoint } from './bench-database';

/** What every scenario file receives from the main script. */
export interface ScenarioContext {
  config: BenchConfig;
  /** Called before each timed write figure: flushes the previous figure's dirty pages (CHECKPOINT). */
  settle(): Promise<void>;
  /** Progress on stderr, so stdout carries only the table and the JSON line. */
  log(line: string): void;
}

/** The context for a run against `config.databaseUrl`. */
export function scenarioContext(config: BenchConfig): ScenarioContext {
  return {
    config,
    settle: () => checkpoint(config.databaseUrl),
    log: (line) => process.stderr.write(`[bench] ${line}\n`),
  };
}

/** Connections a subject's pool needs: the largest concurrency, plus room for a relay or reader. */
export function poolSizeFor(config: BenchConfig): number {
  return Math.max(...config.concurrencies) + 2;
}

/** Whole transactions in the batched figure, and the untimed ones run first (5 %, at least 2). */
export function batchCounts(config: BenchConfig): { timed: number; warmup: number } {
  const timed = Math.ceil(config.batchedEvents / config.batchSize);
  return { timed, warmup: Math.max(2, Math.ceil(timed / 20)) };
}

/** Untimed stream reads before the rebuild figure. */
export const REBUILD_WARMUP_SAMPLES = 200;
