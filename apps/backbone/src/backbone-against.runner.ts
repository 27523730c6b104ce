import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig, parsers, type EnvVarSpec } from '@oms/config';
import { noopLogger } from '@oms/messaging';
import type { BackboneOptions } from './cli/backbone-options';
import { openBackboneBus, outsideProducer } from './infrastructure/backbone-bus';
import { writeReportWithServiceCommand } from './reconciliation-report.command';
import { ProgressReporter } from './progress/progress.reporter';
import { playScenario } from './scenario/scenario-driver';
import { planScenario } from './scenario/scenario-plan';
import { SERVICE_PARTS } from './services/service-parts';
import { collectSummary, type BackboneSummary } from './summary/backbone-summary';
import { renderSummary } from './summary/summary.printer';

/** Where the separately started services are (`--against`), validated like any service config. */
const againstEnv = {
  GATEWAY_URL: { parse: parsers.url, description: 'channel-gateway base URL' } satisfies EnvVarSpec<string>,
  ORDER_SERVICE_URL: { parse: parsers.url, description: 'order-service base URL' } satisfies EnvVarSpec<string>,
  SIMULATORS_URL: { parse: parsers.url, description: 'simulators base URL' } satisfies EnvVarSpec<string>,
  SIMULATOR_KEYS_FILE: { parse: parsers.string, description: 'the JSON the simulators wrote at start (platform certificate serial)' } satisfies EnvVarSpec<string>,
  DATABASE_URL: { parse: parsers.string, default: 'postgres://postgres@127.0.0.1:5432/test', description: 'PostgreSQL the services use (the summary reads order-service’s event store)' } satisfies EnvVarSpec<string>,
  ORDER_SERVICE_SCHEMA: { parse: parsers.string, default: 'order_service', description: 'the schema order-service was started with (its event store)' } satisfies EnvVarSpec<string>,
  WECHATPAY_MCHID: { parse: parsers.string, description: 'merchant id the services are configured with' } satisfies EnvVarSpec<string>,
  WECHATPAY_APPID: { parse: parsers.string, description: 'app id the services are configured with' } satisfies EnvVarSpec<string>,
  WECHATPAY_API_V3_KEY: { parse: parsers.string, secret: true, description: 'API v3 key (the forged notification is otherwise well-formed)' } satisfies EnvVarSpec<string>,
  RECONCILIATION_URL: { parse: parsers.url, default: null, description: 'reconciliation-service base URL (unset: not available)' } satisfies EnvVarSpec<string | null>,
  FULFILLMENT_URL: { parse: parsers.url, default: null, description: 'fulfillment-service base URL (unset: not available)' } satisfies EnvVarSpec<string | null>,
  LOGISTICS_SIMULATORS_URL: { parse: parsers.url, default: null, description: 'warehouse and carrier simulators base URL (with FULFILLMENT_URL)' } satisfies EnvVarSpec<string | null>,
  REPORT_DIR: { parse: parsers.string, default: 'var/reports/reconciliation', description: 'where reconciliation-service writes its reports' } satisfies EnvVarSpec<string>,
  SETTLEMENT_WINDOW_MS: { parse: parsers.positiveInteger, default: 60_000, description: "reconciliation-service's settlement window (the report waits it out)" } satisfies EnvVarSpec<number>,
};

/**
 * Multi-process mode: the same scenario and summary against services started elsewhere
 * (`scripts/run-services.sh`), on the real broker and PostgreSQL. Parts without a URL here are
 * reported as not available.
 */
export async function runAgainst(options: BackboneOptions, env: NodeJS.ProcessEnv = process.env): Promise<BackboneSummary> {
  const config = loadConfig(againstEnv, env);
  const startedAt = new Date();
  const plan = planScenario(options.orders, startedAt.getTime());
  const progress = new ProgressReporter(process.stdout);
  const trim = (url: string) => url.replace(/\/$/, '');
  const endpoints: Record<string, string> = { simulators: trim(config.SIMULATORS_URL), 'order-service': trim(config.ORDER_SERVICE_URL), 'channel-gateway': trim(config.GATEWAY_URL) };
  if (config.RECONCILIATION_URL) endpoints['reconciliation-service'] = trim(config.RECONCILIATION_URL);
  if (config.FULFILLMENT_URL && config.LOGISTICS_SIMULATORS_URL) {
    endpoints['fulfillment-service'] = trim(config.FULFILLMENT_URL);
    endpoints['logistics-simulators'] = trim(config.LOGISTICS_SIMULATORS_URL);
  }
  // The simulated ERP runs as its own process (scripts/run-services.sh); the bank feed is this one.
  const bankFeed = outsideProducer(openBackboneBus(env, noopLogger), 'bank-feed-simulator');
  const parts = SERVICE_PARTS.filter((part) => part.name !== 'erp-simulator').map((part) => (part.name in endpoints ? part : { ...part, available: false, unavailableReason: part.unavailableReason ?? 'no URL given' }));
  const { wechatpaySerial } = JSON.parse(readFileSync(config.SIMULATOR_KEYS_FILE, 'utf8')) as { wechatpaySerial: string };
  progress.line(`Order backbone — promotion day against running services, ${plan.orders.length} orders`);
  const outcome = await playScenario(plan, {
    endpoints,
    available: new Set(parts.filter((part) => part.available).map((part) => part.name)),
    forger: { wechatpaySerial, mchid: config.WECHATPAY_MCHID, appid: config.WECHATPAY_APPID, apiV3Key: config.WECHATPAY_API_V3_KEY },
    onProgress: (step) => progress.update(step),
    bankFeed: bankFeed.producer,
    endOfDay: (businessDate, flowsRecordedBy) => writeReportWithServiceCommand(businessDate, env, config.SETTLEMENT_WINDOW_MS, flowsRecordedBy),
    patience: options.patience,
  }).finally(() => bankFeed.close());
  const summary = await collectSummary(parts, { endpoints, databaseUrl: config.DATABASE_URL, runStartedAt: startedAt, reportDir: config.REPORT_DIR, orderServiceSchema: config.ORDER_SERVICE_SCHEMA }, { plan, outcome, infrastructure: { database: 'DATABASE_URL', bus: `Kafka (${env['KAFKA_BROKERS'] ?? '127.0.0.1:9092'})` } });
  progress.line(renderSummary(summary));
  if (options.jsonFile) writeFileSync(options.jsonFile, JSON.stringify(summary, null, 2));
  return summary;
}
