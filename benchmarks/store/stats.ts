/**
 * The few statistics the store benchmark needs. Kept dependency-free so the numbers can be
 * checked by hand.
 */

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function nowMs(): number {
  return performance.now();
}

/** Runs `work` and returns how long it took, in milliseconds. */
export async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const started = nowMs();
  await work();
  return nowMs() - started;
}

/** Items per second for `count` items done in `elapsedMs`. */
export function perSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : 0;
}

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest sample that at least p % of
 * the samples do not exceed. No interpolation, so p99 is always a latency that really happened.
 *
 * @example percentile([5, 1, 3, 2, 4], 50) // 3
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The middle value (the lower one of the two middles for an even count). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}
