import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { CommitSignal } from '@oms/event-store';
import type { FromRelayThread, RelayThreadSettings, ToRelayThread } from './relay-thread.messages';

/** How long after a relay thread ended unasked it is started again: doubling from the first to the most, back to the first once one leads. */
const RESTART_DELAY_MS = { first: 1_000, most: 30_000 };
/** How long stop() waits for the thread to finish its batch before it is terminated. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * Runs the order-events outbox relay (`relay.worker.ts`) on a worker thread, so reading events
 * back and encoding them for Kafka does not share a core with the consumers' transactions. The
 * consumers' commits reach it as messages; a thread that dies — or whose relay cannot start — is
 * logged and started again, after 1 s doubling to 30 s (the relay resumes from its saved
 * checkpoint: at-least-once, as after a crash).
 */
export class RelayThread {
  private worker?: Worker;
  private stopping = false;
  private unsubscribe?: () => void;
  private restartTimer?: NodeJS.Timeout;
  private restartDelayMs = RESTART_DELAY_MS.first;

  constructor(
    private readonly settings: RelayThreadSettings,
    private readonly commits: CommitSignal,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.unsubscribe = this.commits.subscribe(() => this.send({ kind: 'wake' }));
    this.spawn();
  }

  /** Asks the thread to finish its batch and save its checkpoint; resolves once it has ended. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.send({ kind: 'stop' });
    const timer = setTimeout(() => {
      this.logger.warn({ timeoutMs: STOP_TIMEOUT_MS }, 'outbox relay thread did not stop in time; terminating it');
      void worker.terminate();
    }, STOP_TIMEOUT_MS);
    await ended;
    clearTimeout(timer);
  }

  private spawn(): void {
    const worker = new Worker(workerFile(), { workerData: this.settings, execArgv: workerExecArgv() });
    this.worker = worker;
    worker.on('message', (message: FromRelayThread) => this.heard(message));
    worker.on('error', (error) => this.logger.error({ error: error.stack ?? String(error) }, 'outbox relay thread failed'));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      if (this.stopping) return;
      this.logger.error({ code, restartInMs: this.restartDelayMs }, 'outbox relay thread ended unasked; starting it again');
      this.restartTimer = setTimeout(() => this.spawn(), this.restartDelayMs);
      this.restartDelayMs = Math.min(RESTART_DELAY_MS.most, this.restartDelayMs * 2);
    });
  }

  private heard(message: FromRelayThread): void {
    if (message.kind === 'leading') {
      this.restartDelayMs = RESTART_DELAY_MS.first;
      this.logger.info('outbox relay thread leads');
    }
    else if (message.kind === 'failed') this.logger.error({ error: message.error }, 'outbox relay did not start');
  }

  private send(message: ToRelayThread): void {
    this.worker?.postMessage(message);
  }
}

/** The worker's file beside this one: `.ts` when the service runs from source (swc-node), `.js` when compiled. */
function workerFile(): string {
  return join(__dirname, `relay.worker${extname(__filename)}`);
}

/**
 * Only the main thread's TypeScript loader: the telemetry preload starts the
 * OpenTelemetry SDK (and its exporters) once per process, not per thread, and most other flags
 * are the process's (a worker refuses them).
 */
function workerExecArgv(): string[] {
  const argv = process.execArgv;
  const loader = argv.findIndex((arg, index) => (arg === '-r' || arg === '--require') && (argv[index + 1] ?? '').includes('@swc-node/register'));
  if (loader >= 0) return ['-r', argv[loader + 1] as string];
  // From source without that loader in the flags (a test runner transforming on its own): add it.
  return extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [];
}
