import { DEFAULT_PATIENCE, type Patience } from '../scenario/patience';

/** The command line of the main job. */
export interface BackboneOptions {
  /** Orders in the burst. */
  orders: number;
  /** Stop everything once the summary is printed (tests, CI) instead of serving until Ctrl-C. */
  exitWhenDone: boolean;
  /** Also write the summary as JSON here. */
  jsonFile?: string;
  /** Drive services already running elsewhere (multi-process mode) instead of starting them. */
  against: boolean;
  /** How long the driver waits for services that make no progress (default {@link DEFAULT_PATIENCE}). */
  patience?: Patience;
  help: boolean;
}

/** The default burst: big enough to look like a promotion, small enough for a laptop in a minute. */
export const DEFAULT_ORDERS = 200;

export const USAGE = `Usage: npm start -- [options]

Runs the whole order backbone and a promotion-day scenario: every service in this process with an
embedded PostgreSQL and an in-process bus (or the servers DATABASE_URL / KAFKA_BROKERS name),
drives orders, payments and anomalies through the simulators over HTTP, prints a summary, then
keeps the HTTP APIs up until Ctrl-C.

Options:
  --orders <n>        orders in the burst (default ${DEFAULT_ORDERS}, at least 20)
  --exit-when-done    stop everything after the summary (exit code 2 if found ≠ planted)
  --json <file>       also write the summary as JSON to <file>
  --patience <s>      wait for the services as long as they make progress; give up after <s> seconds
                      without any (default ${DEFAULT_PATIENCE.stallMs / 1000}; at most ${DEFAULT_PATIENCE.maxMs / 60_000} minutes in all)
  --against           do not start services: drive the ones named by GATEWAY_URL, ORDER_SERVICE_URL,
                      SIMULATORS_URL, RECONCILIATION_URL, FULFILLMENT_URL + LOGISTICS_SIMULATORS_URL
                      (+ SIMULATOR_KEYS_FILE, WECHATPAY_MCHID, WECHATPAY_APPID, WECHATPAY_API_V3_KEY,
                      DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX), as scripts/run-services.sh starts them
  --help              this text

Environment: DATABASE_URL (else embedded PostgreSQL), KAFKA_BROKERS (else the in-process bus),
BACKBONE_VAR_DIR (default <repo>/var: embedded database, logs), LOG_LEVEL (service logs, default info).`;

/** Parses argv (without node and the script); throws an error naming a bad option. */
export function parseBackboneOptions(argv: readonly string[]): BackboneOptions {
  const options: BackboneOptions = { orders: DEFAULT_ORDERS, exitWhenDone: false, against: false, help: false };
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = (argv[index] as string).split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--orders') {
      const raw = value();
      options.orders = Number(raw);
      if (!/^\d+$/.test(raw)) throw new Error(`--orders expects a whole number, got "${raw}"`);
    } else if (flag === '--patience') {
      const raw = value();
      if (!/^\d+$/.test(raw) || Number(raw) === 0) throw new Error(`--patience expects a positive whole number of seconds, got "${raw}"`);
      options.patience = { stallMs: Number(raw) * 1000, maxMs: Math.max(DEFAULT_PATIENCE.maxMs, Number(raw) * 1000) };
    } else if (flag === '--exit-when-done') options.exitWhenDone = true;
    else if (flag === '--json') options.jsonFile = value();
    else if (flag === '--against') options.against = true;
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`unknown option ${flag} (see --help)`);
  }
  return options;
}
