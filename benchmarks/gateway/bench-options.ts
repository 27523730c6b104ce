/** What one benchmark run does. */
export interface GatewayBenchOptions {
  /** Notifications per second offered (open loop: the schedule does not wait for answers). */
  rate: number;
  /** Measured seconds at that rate. */
  durationSeconds: number;
  /** Seconds at the same rate before measuring (JIT, pools, broker connections). */
  warmupSeconds: number;
  /** Keep-alive connections the load generator may open. */
  connections: number;
  /** Gateway processes sharing the load (round robin); they share one schema, as replicas would. */
  gateways: number;
  /** Share of Alipay notifications (the rest is WeChat Pay v3). */
  alipayShare: number;
  /** Where to write the JSON report, if anywhere. */
  jsonOut: string | undefined;
}

function flag(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  const given = process.argv.find((argument) => argument.startsWith(prefix));
  return given?.slice(prefix.length) ?? process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback;
}

function positive(name: string, fallback: string): number {
  const value = Number(flag(name, fallback));
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  return value;
}

/**
 * Options from flags or `BENCH_*` variables:
 * `--rate=2000 --duration=10 --warmup=3 --connections=1024 --gateways=1 --alipay-share=0.2 --json=out.json`.
 */
export function loadGatewayBenchOptions(): GatewayBenchOptions {
  return {
    rate: positive('rate', '2000'),
    durationSeconds: positive('duration', '10'),
    warmupSeconds: positive('warmup', '3'),
    connections: positive('connections', '1024'),
    gateways: Math.max(1, Math.floor(positive('gateways', '1'))),
    alipayShare: positive('alipay-share', '0.2'),
    jsonOut: flag('json', '') || undefined,
  };
}
