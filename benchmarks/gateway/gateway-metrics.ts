/** Figures read from the gateway's own `/metrics` (Prometheus text) after a run. */
export interface GatewaySideFigures {
  /** CPU seconds the gateway process used in all (user + system). */
  cpuSeconds: number;
  /** Durable intake transactions and the mean notifications per transaction (group commit). */
  intakeTransactions: number;
  meanBatchSize: number;
}

function sample(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `) || candidate.startsWith(`${name}{`));
  return line ? Number(line.trim().split(/\s+/).pop()) : 0;
}

/** Reads the gateways' CPU time and intake batching from their `/metrics`, summed over replicas. */
export async function gatewaySideFigures(urls: readonly string[]): Promise<GatewaySideFigures> {
  const texts = await Promise.all(urls.map(async (url) => (await fetch(`${url}/metrics`)).text()));
  const total = (name: string) => texts.reduce((sum, text) => sum + sample(text, name), 0);
  const transactions = total('gateway_intake_batch_size_count');
  return {
    cpuSeconds: total('process_cpu_seconds_total'),
    intakeTransactions: transactions,
    meanBatchSize: transactions > 0 ? total('gateway_intake_batch_size_sum') / transactions : 0,
  };
}
