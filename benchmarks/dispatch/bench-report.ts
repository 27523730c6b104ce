import type { LatencySummary } from './latency-stats';
import type { RoutingTally } from './routing-check';

const TARGET_PER_SECOND = 10_000;

/** Everything the benchmark prints. */
export interface BenchReport {
  readonly skuCount: number;
  readonly importMs: number;
  readonly node: string;
  readonly cpus: string;
  readonly loadAverage: number[];
  readonly perLines: (LatencySummary & { label: string })[];
  readonly all: LatencySummary;
  readonly related: LatencySummary;
  readonly routing: RoutingTally;
}

const HEADER = ['order lines', 'decisions', 'decisions/s', 'CPU dec/s', 'p50 µs', 'p99 µs', 'max µs'];

function row(label: string, s: LatencySummary): string {
  const rate = (value: number) => Math.round(value).toLocaleString('en-US');
  const cells = [label, String(s.count), rate(s.wallPerSecond), s.cpuPerSecond === null ? '' : rate(s.cpuPerSecond), s.p50Micros.toFixed(1), s.p99Micros.toFixed(1), s.maxMicros.toFixed(0)];
  return cells.map((cell, index) => (index === 0 ? cell.padEnd(16) : cell.padStart(11))).join(' ');
}

/** The benchmark's table and verdict lines. */
export function formatReport(report: BenchReport): string {
  const { routing } = report;
  const share = routing.lines === 0 ? 0 : (100 * routing.right) / routing.lines;
  const verdict = (rate: number | null) => (rate !== null && rate >= TARGET_PER_SECOND ? 'met' : 'NOT met');
  return [
    `dispatch decision benchmark — ${report.skuCount.toLocaleString('en-US')}-SKU catalog (import ${report.importMs.toFixed(0)} ms), node ${report.node}, ${report.cpus}, load average ${report.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
    HEADER.map((cell, index) => (index === 0 ? cell.padEnd(16) : cell.padStart(11))).join(' '),
    ...report.perLines.map((s) => row(s.label, s)),
    row('all 1–20 lines', report.all),
    row('related: 3 orders', report.related),
    `decisions/s = decisions ÷ their summed wall time on one thread (input generation excluded); CPU dec/s = decisions ÷ this process's CPU time during them; p50/p99 = wall time of one decision`,
    `lines routed to their SKU's warehouse/SLA/customs: ${routing.right}/${routing.lines} (${share.toFixed(2)}%), decisions not proposed: ${routing.notProposed}`,
    `target ≥ ${TARGET_PER_SECOND.toLocaleString('en-US')} decisions/s for 1–20-line orders: wall ${verdict(report.all.wallPerSecond)} (${Math.round(report.all.wallPerSecond).toLocaleString('en-US')}/s), CPU ${verdict(report.all.cpuPerSecond)} (${Math.round(report.all.cpuPerSecond ?? 0).toLocaleString('en-US')}/s)`,
  ].join('\n');
}
