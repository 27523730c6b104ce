import type { Logger } from 'pino';
import type { Clock } from '../app/clock';
import { matchingRunsTotal } from '../inputs/input-metrics';
import type { MatchingRunSummary, ReconciliationProjector } from './reconciliation.projector';

/** When matching runs: shortly after new inputs, and whenever a poll finds work. */
export interface MatchingLoopSettings {
  /** Wait after a consumed batch before running, so batches arriving meanwhile join the run. */
  debounceMs: number;
  /** How often to look for inputs stored by others (the import command) and for expired settlement windows. */
  pollMs: number;
}

/**
 * Keeps the projection current: a run after each burst of consumed batches (debounced), and a
 * poll that runs when inputs arrived another way (a file import in another process) or when a
 * pending flow's settlement window has ended. Runs never overlap.
 */
export class MatchingLoop {
  private debounce?: NodeJS.Timeout;
  private poller?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();
  private nextDeadline: number | null = null;
  private stopped = false;

  constructor(
    private readonly projector: ReconciliationProjector,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly settings: MatchingLoopSettings,
  ) {}

  start(): void {
    this.stopped = false;
    this.poller = setInterval(() => void this.poll(), this.settings.pollMs);
    // At start a run is always due: windows may have ended while the service was down.
    void this.runNow().catch(() => undefined);
  }

  /** New inputs were committed: run soon. */
  notify(): void {
    if (this.stopped || this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.runNow().catch(() => undefined);
    }, this.settings.debounceMs);
  }

  /** Runs now (after any run in flight) and returns what it did. */
  runNow(): Promise<MatchingRunSummary> {
    const run = this.running.then(() => this.projector.run(this.clock.now()));
    this.running = run.then(
      (summary) => {
        this.nextDeadline = summary.nextDeadline;
        matchingRunsTotal.inc({ outcome: 'ok' });
        this.logger.debug({ ...summary }, 'matching run');
      },
      (error: unknown) => {
        matchingRunsTotal.inc({ outcome: 'failed' });
        this.logger.error({ error: String(error) }, 'matching run failed; the next poll retries');
      },
    );
    return run;
  }

  /** Stops the timers and waits for the run in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.debounce);
    clearInterval(this.poller);
    await this.running;
  }

  private async poll(): Promise<void> {
    try {
      const due = this.nextDeadline !== null && this.clock.now() >= this.nextDeadline;
      if (!this.stopped && (due || (await this.projector.hasNewInputs()))) await this.runNow();
    } catch {
      // Logged by runNow; a failed check (database down) is simply tried again at the next poll.
    }
  }
}
