import type { Logger } from 'pino';
import { businessDateReportedAt, next09ReportRun } from '@oms/reconciliation-domain';
import type { Clock } from '../app/clock';
import type { DailyReportService, WrittenReport } from './daily-report.service';

// A long timer drifts and a suspended machine skips it: check at least this often.
const MAX_SLEEP_MS = 60_000;

/**
 * Writes the previous business date's report every day at 09:00 Asia/Shanghai (01:00 UTC — a
 * fixed UTC+8, no daylight saving). `tick()` is the whole decision, driven by the clock, so a
 * test moves a manual clock and calls it; `start()` only calls it on a timer.
 */
export class ReportScheduler {
  private nextRun: number;
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<unknown> = Promise.resolve();

  /**
   * @param catchUp brings the projection up to date before a report is written (a matching run:
   *   inputs consumed in the last second before 09:00 belong in it).
   */
  constructor(
    private readonly reports: DailyReportService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly catchUp: () => Promise<unknown> = async () => undefined,
  ) {
    this.nextRun = next09ReportRun(clock.now());
  }

  /** The instant of the next run. */
  get nextRunAt(): number {
    return this.nextRun;
  }

  /**
   * Writes the report when its time has come; returns the last one written, or null when nothing
   * was due. After downtime it catches up: one report per missed 09:00, oldest first — a report of
   * a past date is evaluated at its own cut-off, so a late one is the same as a punctual one.
   */
  async tick(): Promise<WrittenReport | null> {
    let written: WrittenReport | null = null;
    if (this.clock.now() >= this.nextRun) await this.catchUp();
    while (this.clock.now() >= this.nextRun) {
      written = await this.reports.write(businessDateReportedAt(this.nextRun));
      this.logger.info({ businessDate: written.businessDate, files: written.files, anomalies: written.report.anomalies.length }, 'daily reconciliation report written');
      // Advanced only once written: a failed run is tried again at the next tick.
      this.nextRun = next09ReportRun(this.nextRun);
    }
    return written;
  }

  start(): void {
    this.schedule();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private schedule(afterFailure = false): void {
    // After a failure, wait the full minute: a missed 09:00 is already late, and a write that
    // keeps failing (a full disk) must not spin.
    const delay = afterFailure ? MAX_SLEEP_MS : Math.max(0, Math.min(this.nextRun - this.clock.now(), MAX_SLEEP_MS));
    this.timer = setTimeout(() => {
      let failed = false;
      this.inFlight = this.tick()
        .catch((error: unknown) => {
          failed = true;
          this.logger.error({ error: String(error) }, 'daily reconciliation report failed; retrying in a minute');
        })
        .finally(() => {
          if (this.timer) this.schedule(failed);
        });
    }, delay);
  }
}
