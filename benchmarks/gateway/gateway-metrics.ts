/** Figures read from the gateway's own `/metrics` (Prometheus text). */
export interface GatewaySideFigures {
  /** CPU seconds the gateway process used in all (user + system). */
  cpuSeconds: number;
  /** The kernel's share of it (system CPU: socket reads and writes, on loopback the receiving side's TCP work too). */
  systemCpuSeconds: number;
  /** Durable intake transactions and the mean notifications per transaction (group commit). */
  intakeTransactions: number;
  meanBatchSize: number;
  /** Seconds spent in intake transactions (BEGIN to COMMIT), and inside them waiting for the broker's acks. */
  intakeFlushSeconds: number;
  intakePublishSeconds: number;
  /** Intake transactions and broker acknowledgements that took longer than 20 ms and 50 ms (histogram buckets): a stall shows here. */
  slowFlushes: { over20ms: number; over50ms: number };
  slowPublishes: { over20ms: number; over50ms: number };
  /** Seconds of garbage-collection pauses (all kinds). */
  gcSeconds: number;
  /** Worst event-loop delay p99 among the replicas since their previous scrape (prom-client resets it per scrape). */
  eventLoopLagP99Seconds: number;
}

/** Sum of every series of `name` (all label sets). */
function sum(text: string, name: string): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
    .reduce((total, line) => total + Number(line.trim().split(/\s+/).pop()), 0);
}

/** Count of a histogram's observations above bucket `le` (summed over label sets). */
function over(text: string, histogram: string, le: string): number {
  return sum(text, `${histogram}_count`) - sum(text, `${histogram}_bucket{le="${le}"}`);
}

const sumOver = (texts: string[], histogram: string, le: string) => texts.reduce((all, text) => all + over(text, histogram, le), 0);

/** Reads the gateways' CPU time, intake batching and timings from their `/metrics`, summed over replicas. */
export async function gatewaySideFigures(urls: readonly string[]): Promise<GatewaySideFigures> {
  const texts = await Promise.all(urls.map(async (url) => (await fetch(`${url}/metrics`)).text()));
  const total = (name: string) => texts.reduce((all, text) => all + sum(text, name), 0);
  const transactions = total('gateway_intake_batch_size_count');
  return {
    cpuSeconds: total('process_cpu_seconds_total'),
    systemCpuSeconds: total('process_cpu_system_seconds_total'),
    intakeTransactions: transactions,
    meanBatchSize: transactions > 0 ? total('gateway_intake_batch_size_sum') / transactions : 0,
    intakeFlushSeconds: total('gateway_intake_flush_seconds_sum'),
    intakePublishSeconds: total('gateway_intake_publish_seconds_sum'),
    slowFlushes: { over20ms: sumOver(texts, 'gateway_intake_flush_seconds', '0.02'), over50ms: sumOver(texts, 'gateway_intake_flush_seconds', '0.05') },
    slowPublishes: { over20ms: sumOver(texts, 'gateway_intake_publish_seconds', '0.02'), over50ms: sumOver(texts, 'gateway_intake_publish_seconds', '0.05') },
    gcSeconds: total('nodejs_gc_duration_seconds_sum'),
    eventLoopLagP99Seconds: Math.max(...texts.map((text) => sum(text, 'nodejs_eventloop_lag_p99_seconds'))),
  };
}
