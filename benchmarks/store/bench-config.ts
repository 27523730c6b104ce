import { testDatabaseUrl, testKafkaBrokers } from '@oms/testing';

/** Every size the store benchmark uses. Defaults keep one run near 1–3 minutes on 2 cores. */
export interface BenchConfig {
  databaseUrl: string;
  kafkaBrokers: string[];
  /** Single-event appends (one per transaction) measured at each concurrency level. */
  singleAppends: number;
  /** Connection counts for the single-append figure, e.g. [1, 16]. */
  concurrencies: number[];
  /** Events written by the batched-append figure. */
  batchedEvents: number;
  /** Events per transaction in the batched-append figure. */
  batchSize: number;
  /** Events per stream; batched appends create streams of this length, rebuilds read them. */
  streamLength: number;
  /** Page size of the global reader. */
  readPageSize: number;
  /** Timed passes over the whole log; the median pass is reported. */
  readPasses: number;
  /** Timed stream rebuilds (readStream of a random stream). */
  rebuildSamples: number;
  /** Events the outbox relay reads and publishes per round. */
  relayBatchSize: number;
  /** Untimed operations before each timed append figure. */
  warmupOps: number;
  /** Write the JSON result here too. */
  jsonOut?: string;
}

/** Flag name → environment variable → default. `--single=5000` beats `BENCH_SINGLE=5000`. */
const numericOptions = {
  single: ['BENCH_SINGLE', 5_000],
  batched: ['BENCH_BATCHED', 50_000],
  'batch-size': ['BENCH_BATCH_SIZE', 500],
  'stream-length': ['BENCH_STREAM_LENGTH', 50],
  'read-page': ['BENCH_READ_PAGE', 5_000],
  'read-passes': ['BENCH_READ_PASSES', 3],
  'rebuild-samples': ['BENCH_REBUILD_SAMPLES', 2_000],
  'relay-batch': ['BENCH_RELAY_BATCH', 2_000],
  warmup: ['BENCH_WARMUP', 500],
} as const satisfies Record<string, readonly [string, number]>;

/**
 * Reads the sizes from `--name=value` flags, then `BENCH_*` variables, then defaults.
 *
 * @example
 * // node -r @swc-node/register benchmarks/store/store.bench.ts --single=2000 --concurrency=1,8 --json out.json
 */
export function loadBenchConfig(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const flags = parseFlags(argv);
  const known = new Set<string>([...Object.keys(numericOptions), 'concurrency', 'json']);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`Unknown flag --${name}; known: ${[...known].join(', ')}`);
  const number = (name: keyof typeof numericOptions): number => {
    const [variable, fallback] = numericOptions[name];
    return positiveInteger(name, flags.get(name) ?? env[variable], fallback);
  };
  const concurrencies = (flags.get('concurrency') ?? env['BENCH_CONCURRENCY'] ?? '1,16')
    .split(',')
    .map((value) => positiveInteger('concurrency', value.trim(), 1));
  const config: BenchConfig = {
    databaseUrl: testDatabaseUrl(),
    kafkaBrokers: testKafkaBrokers(),
    singleAppends: number('single'),
    concurrencies,
    batchedEvents: number('batched'),
    batchSize: number('batch-size'),
    streamLength: number('stream-length'),
    readPageSize: number('read-page'),
    readPasses: number('read-passes'),
    rebuildSamples: number('rebuild-samples'),
    relayBatchSize: number('relay-batch'),
    warmupOps: number('warmup'),
    jsonOut: flags.get('json') ?? env['BENCH_JSON'],
  };
  // A batch is whole streams, so the rebuild figure can read exactly `streamLength` events.
  if (config.batchSize % config.streamLength !== 0) {
    throw new Error(`--batch-size (${config.batchSize}) must be a multiple of --stream-length (${config.streamLength})`);
  }
  return config;
}

/** Accepts `--name=value` and `--name value`. */
function parseFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[index]!);
    if (!match) throw new Error(`Unexpected argument "${argv[index]}" (flags look like --single=10000)`);
    const value = match[2] ?? argv[++index];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    flags.set(match[1]!, value);
  }
  return flags;
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}
