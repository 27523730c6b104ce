import type { Logger } from 'pino';

/**
 * Runs `work` every `intervalMs`, one run at a time: a tick that finds the previous run still
 * going is skipped, so a slow run delays the next instead of piling runs up behind it. A failed
 * run is logged and the next tick tries again. `stop()` waits for the run in flight.
 */
export class PeriodicJob {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    /** Names the job in its failure log line. */
    private readonly name: string,
    private readonly work: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  /** Ticks every `intervalMs`; with `immediately`, the first run starts now instead of one interval later. */
  start(intervalMs: number, { immediately = false }: { immediately?: boolean } = {}): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), intervalMs);
    if (immediately) this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.work()
      .then(
        () => undefined,
        (error: unknown) => this.logger.error({ error: String(error) }, `${this.name} failed; the next run retries`),
      )
      .finally(() => (this.running = undefined));
  }
}
