import { testDatabaseUrl, testKafkaBrokers } from '@oms/testing';

/** What one run of the orders benchmark does. */
export interface OrdersBenchOptions {
  databaseUrl: string;
  kafkaBrokers: string[];
  /** Orders measured. */
  orders: number;
  /** Orders offered per second; 0 = as fast as the producer is acknowledged. */
  rate: number;
  /** Orders driven (and waited for) before measuring, to warm the JIT, pools and consumer group. */
  warmup: number;
  /** Partitions of the run's topics. */
  partitions: number;
  /** order-service processes, members of one consumer group (the outbox relay runs in one of them). */
  instances: number;
  /** Longest wait for every order to be ready, ms. */
  timeoutMs: number;
}

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((candidate) => candidate.startsWith(`--${name}=`));
  const raw = arg?.slice(name.length + 3) ?? process.env[`BENCH_${name.toUpperCase()}`];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got ${raw}`);
  return value;
}

/** Flags (`--orders=5000 --rate=500`) or `BENCH_ORDERS`, `BENCH_RATE`, …; DATABASE_URL and KAFKA_BROKERS as the tests. */
export function loadOrdersBenchOptions(): OrdersBenchOptions {
  const orders = flag('orders', 5000);
  return {
    databaseUrl: testDatabaseUrl(),
    kafkaBrokers: testKafkaBrokers(),
    orders,
    rate: flag('rate', 0),
    warmup: flag('warmup', 500),
    partitions: flag('partitions', 4),
    instances: Math.max(1, Math.floor(flag('instances', 1))),
    timeoutMs: flag('timeout', 60_000 + orders * 20),
  };
}
