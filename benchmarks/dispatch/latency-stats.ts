/** Rates and percentiles of a group of decisions. */
export interface LatencySummary {
  readonly count: number;
  /** Decisions ÷ summed wall time of the decisions (descheduling on a busy machine included). */
  readonly wallPerSecond: number;
  /** Decisions ÷ CPU time of this process during them, when measured (what one core sustains). */
  readonly cpuPerSecond: number | null;
  readonly p50Micros: number;
  readonly p99Micros: number;
  readonly maxMicros: number;
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1_000;
}

/** Summarises per-decision wall times (ns), with the group's CPU time (ns) when known. */
export function summarise(wallNs: readonly number[], cpuNs: number | null = null): LatencySummary {
  const sorted = [...wallNs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    wallPerSecond: sorted.length / (total / 1e9),
    cpuPerSecond: cpuNs === null ? null : sorted.length / (cpuNs / 1e9),
    p50Micros: percentile(sorted, 0.5),
    p99Micros: percentile(sorted, 0.99),
    maxMicros: percentile(sorted, 1),
  };
}
