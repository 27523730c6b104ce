import { timeMs } from './stats';

/**
 * Runs `total` operations on `concurrency` workers (each its own async loop, so each holds at most
 * one connection at a time) and returns the elapsed milliseconds. Worker `w` runs its `nth`
 * operation as `operation(w, nth)`; the operations are shared out as evenly as possible.
 */
export function runWorkers(concurrency: number, total: number, operation: (worker: number, nth: number) => Promise<unknown>): Promise<number> {
  const workers = Array.from({ length: concurrency }, (_, worker) => {
    const share = Math.floor(total / concurrency) + (worker < total % concurrency ? 1 : 0);
    return async () => {
      for (let nth = 0; nth < share; nth += 1) await operation(worker, nth);
    };
  });
  return timeMs(() => Promise.all(workers.map((work) => work())));
}

/** Runs `operation` once per item, one after another; returns each call's latency in ms. */
export async function sampleLatencies<T>(items: readonly T[], operation: (item: T) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (const item of items) latencies.push(await timeMs(() => operation(item)));
  return latencies;
}

/** `count` random picks from `choices` (with repeats), drawn before any clock starts. */
export function randomPicks<T>(choices: readonly T[], count: number): T[] {
  return Array.from({ length: count }, () => choices[Math.floor(Math.random() * choices.length)]!);
}
