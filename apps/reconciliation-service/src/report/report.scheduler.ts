import type { Logger } from 'pino';
import { businessDateReportedAt, firstReportRunDue, next09ReportRun } from '@oms/reconciliation-domain';
import type { Clock } from '../app/clock';
import type { DailyReportService, WrittenReport } from './daily-report.service';
import type { ReportRunLog } from './report-run.repository';

// A long timer drifts and a suspended machine skips it: check at least this often.
const MAX_SLEEP_MS = 60_000;

/** How the scheduler resumes after downtime. */
export interface ReportSchedulerOptions {
  /** The most missed reports written at start (`REPORT_CATCH_UP_DAYS`); older ones are left to the on-demand command. */
  maxCatchUpDays: number;
  /** Brings the projection up to date before a report is written (a matching run: the review queue then shows what the report shows). */
  catchUp?: () => Promise<unknown>;
}

/**
 * Writes the previous business date's report every day at 09:00 Asia/Shanghai (01:00 UTC — a
 * fixed UTC+8, no daylight saving). `tick()` is the whole decision, driven by the clock, so a
 * test moves a manual clock and calls it; `start()` only calls it on a timer.
 *
 * Each written date is recorded in the {@link ReportRunLog}; the first tick resumes after the
 * last recorded one (`firstReportRunDue`), so a report missed while the process was down is
 * written once at start, and a restart never writes one twice.
 */
export class ReportScheduler {
  // Unknown until the first tick has read the run log.
  private nextRun: number | undefined;
  private timer?: NodeJS.Timeout;
  // Ticks run one after another: the timer's and a caller's (a test, the zero-setup runner) never interleave.
  private queue: Promise<unknown> = Promise.resolve();

  // A brand-new install owes the report of the day it started on, however late the first tick.
  private readonly startedAt: number;

  constructor(
    private readonly reports: DailyReportService,
    private readonly runs: ReportRunLog,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: ReportSchedulerOptions,
  ) {
    this.startedAt = clock.now();
  }

  /** The instant of the next run; undefined before the first tick. */
  get nextRunAt(): number | undefined {
    return this.nextRun;
  }

  /**
   * Writes the report when its time has come; returns the last one written, or null when nothing
   * was due. After downtime it catches up: one report per missed 09:00 since the last recorded one
   * (at most `maxCatchUpDays`), oldest first — a report of a past date is evaluated at its own
   * cut-off over the inputs stored by then, so a late one is the same as a punctual one.
   */
  tick(): Promise<WrittenReport | null> {
    const run = this.queue.then(() => this.writeDue());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeDue(): Promise<WrittenReport | null> {
    let written: WrittenReport | null = null;
    let nextRun = this.nextRun ?? (this.nextRun = firstReportRunDue(await this.runs.lastReported(), this.clock.now(), this.options.maxCatchUpDays, this.startedAt));
    if (this.clock.now() >= nextRun) await this.options.catchUp?.();
    while (this.clock.now() >= nextRun) {
      written = await this.reports.write(businessDateReportedAt(nextRun));
      await this.runs.record(written.businessDate, this.clock.now());
      this.logger.info({ businessDate: written.businessDate, files: written.files, anomalies: written.report.anomalies.length }, 'daily reconciliation report written');
      // Advanced only once written and recorded: a failed run is tried again at the next tick.
      nextRun = this.nextRun = next09ReportRun(nextRun);
    }
    return written;
  }

  start(): void {
    this.schedule();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.queue;
  }

  private schedule(afterFailure = false): void {
    // After a failure, wait the full minute: a missed 09:00 is already late, and a write that
    // keeps failing (a full disk) must not spin.
    // Before the first tick the next run is unknown: tick at once, which reads the run log.
    const untilNext = this.nextRun === undefined ? 0 : this.nextRun - this.clock.now();
    const delay = afterFailure ? MAX_SLEEP_MS : Math.max(0, Math.min(untilNext, MAX_SLEEP_MS));
    this.timer = setTimeout(() => {
      let failed = false;
      void this.tick()
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
