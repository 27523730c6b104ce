import { percentile, perSecond } from '../store/stats';
import type { GatewayBenchOptions } from './bench-options';
import type { GatewaySideFigures } from './gateway-metrics';
import type { RequestOutcome } from './load-generator';

/** The benchmark's figures. */
export interface GatewayBenchSummary {
  offeredRate: number;
  durationSeconds: number;
  gatewayProcesses: number;
  requests: number;
  /** Answers completed per second, first answer to last ({@link answerRate}). */
  achievedRate: number;
  statuses: Record<string, number>;
  /** Statuses of the warm-up requests (not in the figures, but a non-200 there is worth seeing). */
  warmupStatuses: Record<string, number>;
  /** Latency from the due time (fixed-rate schedule) to the answer, ms. */
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** p99 of the requests due in each second of the window, ms: shows whether the tail is one stall or spread out. */
  p99BySecondMs: number[];
  /** Latency from the actual send to the answer, ms (differs when the generator itself lagged). */
  serviceLatencyMs: { p50: number; p99: number };
  /** How late the generator sent compared with the schedule, ms (p99). */
  generatorLagP99Ms: number;
  topic: { answered200: number; foundOnTopic: number; duplicatesOnTopic: number; answeredButMissing: number };
  /** The gateway process during the measured window: CPU seconds used, intake transactions, notifications per transaction. */
  gateway: {
    cpuSeconds: number;
    /** Of which system (kernel) CPU. */
    systemCpuSeconds: number;
    cpuCoresBusy: number;
    /** CPU per measured notification, ms: steadier than latency when the cores are shared. */
    cpuMsPerNotification: number;
    intakeTransactions: number;
    meanBatchSize: number;
    /** Mean intake transaction (BEGIN to COMMIT) and the broker-acknowledgement wait inside it, ms. */
    meanFlushMs: number;
    meanPublishMs: number;
    /** Intake transactions / broker acknowledgements in the window slower than 20 ms and 50 ms. */
    slowFlushes: { over20ms: number; over50ms: number };
    slowPublishes: { over20ms: number; over50ms: number };
    /** GC pause seconds in the window, and the event loop's delay p99 over it, ms. */
    gcSeconds: number;
    eventLoopLagP99Ms: number;
  };
  /** CPU seconds the load generator (this process) used during the measured window: it shares the cores with the gateway. */
  generatorCpuSeconds: number;
  /** The machine's 1-minute load average when the measured window started and ended (the cores are shared). */
  loadAverage: { start: number; end: number };
  targets: { rate: string; p99: string; missing: string };
}

const round = (value: number) => Math.round(value * 10) / 10;

function countStatuses(outcomes: RequestOutcome[]): Record<string, number> {
  const statuses: Record<string, number> = {};
  for (const outcome of outcomes) statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
  return statuses;
}

// Loops, not Math.max(...values): spreading 126,000 arguments (a 60 s run at 2,100/s) overflows the stack.
function highest(values: readonly number[]): number {
  return values.reduce((max, value) => (value > max ? value : max), -Infinity);
}

function lowest(values: readonly number[]): number {
  return values.reduce((min, value) => (value < min ? value : min), Infinity);
}

/** p99 latency (from due time) of the requests due in each second of the measured window. */
export function p99BySecond(measured: readonly RequestOutcome[]): number[] {
  if (measured.length === 0) return [];
  const start = lowest(measured.map((outcome) => outcome.scheduledAt));
  const seconds: number[][] = [];
  for (const outcome of measured) (seconds[Math.floor((outcome.scheduledAt - start) / 1000)] ??= []).push(outcome.answeredAt - outcome.scheduledAt);
  return Array.from(seconds, (latencies) => (latencies ? round(percentile(latencies, 99)) : 0));
}

/**
 * Answers completed per second: (n − 1) answers over the span from the first answer to the last.
 * A gateway that keeps up answers at the offered rate (the fencepost is why it is n − 1); one
 * that falls behind stretches the span and the figure drops. Counting from the first request's
 * due time instead, as this bench once did, charges one request's latency to the whole window
 * and reads 1,999/s for a gateway that answered 2,000/s.
 */
export function answerRate(measured: readonly RequestOutcome[]): number {
  if (measured.length < 2) return 0;
  const answeredAt = measured.map((outcome) => outcome.answeredAt);
  return perSecond(measured.length - 1, highest(answeredAt) - lowest(answeredAt));
}

/** Computes the figures of the measured window. */
export function summarize(
  options: GatewayBenchOptions,
  warmup: RequestOutcome[],
  measured: RequestOutcome[],
  topic: { answered200: number; foundOnTopic: number; duplicatesOnTopic: number },
  before: GatewaySideFigures,
  after: GatewaySideFigures,
  generatorCpuSeconds: number,
  loadAverage: { start: number; end: number },
): GatewayBenchSummary {
  const fromDue = measured.map((outcome) => outcome.answeredAt - outcome.scheduledAt);
  const fromSend = measured.map((outcome) => outcome.answeredAt - outcome.sentAt);
  const lag = measured.map((outcome) => outcome.sentAt - outcome.scheduledAt);
  const statuses = countStatuses(measured);
  const achievedRate = round(answerRate(measured));
  // The span the gateway's CPU was sampled over: first due time to last answer.
  const windowMs = highest(measured.map((outcome) => outcome.answeredAt)) - lowest(measured.map((outcome) => outcome.scheduledAt));
  const p99 = round(percentile(fromDue, 99));
  const transactions = Math.max(1, after.intakeTransactions - before.intakeTransactions);
  const answeredButMissing = topic.answered200 - Math.min(topic.answered200, topic.foundOnTopic - topic.duplicatesOnTopic);
  return {
    offeredRate: options.rate,
    durationSeconds: options.durationSeconds,
    gatewayProcesses: options.gateways,
    requests: measured.length,
    achievedRate,
    statuses,
    warmupStatuses: countStatuses(warmup),
    latencyMs: { p50: round(percentile(fromDue, 50)), p90: round(percentile(fromDue, 90)), p99, max: round(highest(fromDue)) },
    p99BySecondMs: p99BySecond(measured),
    serviceLatencyMs: { p50: round(percentile(fromSend, 50)), p99: round(percentile(fromSend, 99)) },
    generatorLagP99Ms: round(percentile(lag, 99)),
    topic: { ...topic, answeredButMissing },
    gateway: {
      cpuSeconds: round(after.cpuSeconds - before.cpuSeconds),
      systemCpuSeconds: round(after.systemCpuSeconds - before.systemCpuSeconds),
      cpuCoresBusy: round((after.cpuSeconds - before.cpuSeconds) / (windowMs / 1000)),
      cpuMsPerNotification: Math.round(((after.cpuSeconds - before.cpuSeconds) * 1e6) / measured.length) / 1000,
      intakeTransactions: after.intakeTransactions - before.intakeTransactions,
      meanBatchSize: round((after.meanBatchSize * after.intakeTransactions - before.meanBatchSize * before.intakeTransactions) / transactions),
      meanFlushMs: round(((after.intakeFlushSeconds - before.intakeFlushSeconds) * 1000) / transactions),
      meanPublishMs: round(((after.intakePublishSeconds - before.intakePublishSeconds) * 1000) / transactions),
      slowFlushes: { over20ms: after.slowFlushes.over20ms - before.slowFlushes.over20ms, over50ms: after.slowFlushes.over50ms - before.slowFlushes.over50ms },
      slowPublishes: { over20ms: after.slowPublishes.over20ms - before.slowPublishes.over20ms, over50ms: after.slowPublishes.over50ms - before.slowPublishes.over50ms },
      gcSeconds: round(after.gcSeconds - before.gcSeconds),
      eventLoopLagP99Ms: round(after.eventLoopLagP99Seconds * 1000),
    },
    generatorCpuSeconds: round(generatorCpuSeconds),
    loadAverage,
    targets: {
      rate: `${achievedRate >= 2000 ? 'met' : 'missed'} (≥ 2,000/s)`,
      p99: `${p99 <= 50 ? 'met' : 'missed'} (≤ 50 ms)`,
      missing: `${answeredButMissing === 0 ? 'met' : 'missed'} (0 answered-but-missing)`,
    },
  };
}

/** A human-readable table of the figures. */
export function formatSummary(summary: GatewayBenchSummary): string {
  const rows: Array<[string, string]> = [
    ['offered rate', `${summary.offeredRate}/s for ${summary.durationSeconds} s (${summary.requests} notifications) to ${summary.gatewayProcesses} gateway process(es)`],
    ['achieved rate', `${summary.achievedRate}/s — target ${summary.targets.rate}`],
    ['statuses (0 = transport error)', `${JSON.stringify(summary.statuses)}, warm-up ${JSON.stringify(summary.warmupStatuses)}`],
    ['latency from due time', `p50 ${summary.latencyMs.p50} ms, p90 ${summary.latencyMs.p90} ms, p99 ${summary.latencyMs.p99} ms, max ${summary.latencyMs.max} ms — p99 target ${summary.targets.p99}`],
    ['p99 by second (due time)', summary.p99BySecondMs.map((p99) => `${p99}`).join(' ') + ' ms'],
    ['latency from send', `p50 ${summary.serviceLatencyMs.p50} ms, p99 ${summary.serviceLatencyMs.p99} ms (generator lag p99 ${summary.generatorLagP99Ms} ms)`],
    ['gateway process', `${summary.gateway.cpuSeconds} CPU s (${summary.gateway.systemCpuSeconds} s system; ${summary.gateway.cpuCoresBusy} cores busy, ${summary.gateway.cpuMsPerNotification} ms per notification), ${summary.gateway.intakeTransactions} intake transactions, ${summary.gateway.meanBatchSize} notifications each`],
    ['intake transactions', `mean ${summary.gateway.meanFlushMs} ms each, of which ${summary.gateway.meanPublishMs} ms waiting for the broker's acks; over 20 / 50 ms: ${summary.gateway.slowFlushes.over20ms} / ${summary.gateway.slowFlushes.over50ms} transactions, ${summary.gateway.slowPublishes.over20ms} / ${summary.gateway.slowPublishes.over50ms} acks`],
    ['gateway GC, event loop', `${summary.gateway.gcSeconds} s of GC pauses, event-loop delay p99 ${summary.gateway.eventLoopLagP99Ms} ms`],
    ['load generator', `${summary.generatorCpuSeconds} CPU s in the measured window`],
    ['load average (1 min)', `${summary.loadAverage.start} at start, ${summary.loadAverage.end} at end of the measured window`],
    ['answered 200 (warm-up + measured)', String(summary.topic.answered200)],
    ['found on oms.ingress.payments.v1', `${summary.topic.foundOnTopic} (keys seen twice: ${summary.topic.duplicatesOnTopic}) — ${summary.targets.missing}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
