import { errorFields } from '../bus/log-fields';
import type { LogFields, MessagingLogger } from '../bus/messaging-logger';
import { backoffDelay, type BackoffPolicy } from '../processing/backoff-policy';

/** One client-level consumer, from connect to stop. */
export interface SupervisedSession {
  stop(): Promise<void>;
}

/** What a session reports to its supervisor. */
export interface SessionSignals {
  /** The session stopped on its own (crash, lost coordinator...). */
  stopped(error: unknown): void;
  /** The session joined its group: earlier failures no longer count toward the backoff. */
  healthy(): void;
}

/** Creates, connects and runs a fresh session. */
export type SessionStarter = (signals: SessionSignals) => Promise<SupervisedSession>;

/** Default backoff between restarts: 1 s, doubling, capped at 10 s. */
export const defaultRestartBackoff: BackoffPolicy = { initialDelayMs: 1_000, maxDelayMs: 10_000, multiplier: 2 };

/**
 * Keeps a consumer running. Client libraries have been seen to stop consuming for good after a
 * broker restart (kafkajs: CRASH with `restart: false`, coordinator errors); when a session
 * stops without being asked to, the supervisor discards it and starts a fresh one with backoff,
 * until it succeeds or `close()` is called. Every attempt is logged.
 */
export class ConsumerSupervisor {
  private session: SupervisedSession | undefined;
  private generation = 0;
  private stoppedGeneration = 0;
  private failures = 0;
  private busy = false;
  private closing = false;
  private restartLoop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly starter: SessionStarter,
    private readonly backoff: BackoffPolicy,
    private readonly logger: MessagingLogger,
    private readonly labels: LogFields,
  ) {}

  /** Starts the first session; its failure is the caller's (a wrong configuration should fail loudly). */
  async start(): Promise<void> {
    this.busy = true;
    try {
      this.session = await this.startSession();
    } finally {
      this.busy = false;
    }
    this.restartIfStopped();
  }

  /** Stops restarting, then stops the current session gracefully. */
  async close(): Promise<void> {
    this.closing = true;
    this.wakeUp?.();
    await this.restartLoop;
    const session = this.session;
    this.session = undefined;
    await session?.stop();
  }

  private startSession(): Promise<SupervisedSession> {
    const generation = ++this.generation;
    return this.starter({
      stopped: (error) => this.onStopped(generation, error),
      healthy: () => {
        if (generation === this.generation) this.failures = 0;
      },
    });
  }

  private onStopped(generation: number, error: unknown): void {
    if (this.closing || generation !== this.generation || this.stoppedGeneration === generation) return;
    this.stoppedGeneration = generation;
    this.logger.error('consumer stopped on its own; restarting it', { ...this.labels, ...errorFields(error) });
    this.restartIfStopped();
  }

  // A stop reported while a session is still starting is acted on once that start returns.
  private restartIfStopped(): void {
    if (this.busy || this.closing || this.stoppedGeneration !== this.generation) return;
    this.busy = true;
    this.restartLoop = this.restart().finally(() => {
      this.busy = false;
      this.restartLoop = undefined;
      this.restartIfStopped();
    });
  }

  private async restart(): Promise<void> {
    const dead = this.session;
    this.session = undefined;
    await dead?.stop().catch((error: unknown) => this.logger.warn('stopping the stopped consumer failed', { ...this.labels, ...errorFields(error) }));
    while (!this.closing) {
      const attempt = ++this.failures;
      const delayMs = backoffDelay(this.backoff, attempt);
      this.logger.warn('restarting consumer', { ...this.labels, attempt, delayMs });
      await this.sleep(delayMs);
      if (this.closing) return;
      try {
        this.session = await this.startSession();
        this.logger.info('consumer restarted', { ...this.labels, attempt });
        return;
      } catch (error) {
        this.logger.error('consumer restart failed', { ...this.labels, attempt, ...errorFields(error) });
      }
    }
  }

  private sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, delayMs);
      this.wakeUp = done;
    });
  }
}
