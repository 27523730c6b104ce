import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { oneWaySkew, roundTripSkew, type ClockSkewVerdict, type RoundTripProbe } from '@oms/fulfillment-domain';
import { PeriodicJob } from '@oms/nest-kit';
import { withTransaction } from '@oms/postgres';
import { clockSkewFlagsTotal, clockSkewMs } from '../app/fulfillment-metrics';
import type { ReviewItemsRepository } from '../review/review-items.repository';

/** This process's wall clock, as the monitor names it. */
export const SERVICE_CLOCK = 'fulfillment-service';
/** PostgreSQL's clock (`clock_timestamp()`: `recorded_at` of the event store, `now()` defaults). */
export const DATABASE_CLOCK = 'postgresql';

/** Round trips per database check; the shortest one is kept (the least room for delay to hide in). */
const PROBES_PER_CHECK = 3;
/** A flagged pair raises a review item at most this often (the metric and the log say it every time). */
const REVIEW_EVERY_MS = 3_600_000;

/** Where the monitor reads its own clock: `Date.now` in service, a shifted one in tests. */
export type WallClock = () => number;

/**
 * Compares clocks where both sides are ours (issue 6: flag clocks more than 100 ms apart). Two
 * checks, both with the pure rules of `@oms/fulfillment-domain`:
 * - this process against PostgreSQL, by round trips (`roundTripSkew`: queueing and network delay
 *   only widen the uncertainty, they are never taken for skew), every `intervalMs`;
 * - the producer of a record we consume (its Kafka timestamp, stamped by our producing service's
 *   clock) against ours on arrival (`oneWaySkew`: only a stamp from our future proves anything).
 * Every check against PostgreSQL sets `oms_fulfillment_clock_skew_ms{clock,reference}`, an
 * order-log stamp only when flagged (a stamp from the past proves nothing); a flagged one logs a
 * warning naming both clocks and the skew, counts `oms_fulfillment_clock_skew_flags_total`, and
 * raises a CLOCK_SKEW review item (at most hourly per pair).
 */
export class ClockSkewMonitor {
  private readonly job: PeriodicJob;
  private readonly lastReviewed = new Map<string, number>();

  constructor(
    private readonly pool: Pool,
    private readonly reviews: ReviewItemsRepository,
    private readonly logger: Logger,
    private readonly options: { toleranceMs: number; intervalMs: number; now?: WallClock },
  ) {
    this.job = new PeriodicJob('clock skew check against PostgreSQL', () => this.checkDatabase(), logger);
  }

  /** Checks the database clock now and every `intervalMs` (0: never on its own). */
  start(): void {
    if (this.options.intervalMs > 0) this.job.start(this.options.intervalMs, { immediately: true });
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** This process against PostgreSQL: the best of a few round trips. */
  async checkDatabase(): Promise<ClockSkewVerdict> {
    const probes: RoundTripProbe[] = [];
    for (let probe = 0; probe < PROBES_PER_CHECK; probe++) probes.push(await this.probeDatabase());
    const best = probes.reduce((shortest, probe) => (probe.receivedAt - probe.sentAt < shortest.receivedAt - shortest.sentAt ? probe : shortest));
    const verdict = roundTripSkew(best, this.options.toleranceMs);
    await this.report(DATABASE_CLOCK, verdict);
    return verdict;
  }

  /** The producer of a consumed record (named by its topic) against this process, from the record's timestamp. */
  async checkRecord(producer: string, stampedAt: number): Promise<ClockSkewVerdict> {
    const verdict = oneWaySkew(stampedAt, this.now(), this.options.toleranceMs);
    // The common case costs nothing: a record from the past proves nothing and says nothing.
    if (verdict.flagged) await this.report(producer, verdict);
    return verdict;
  }

  private async probeDatabase(): Promise<RoundTripProbe> {
    const sentAt = this.now();
    const { rows } = await this.pool.query<{ remoteAt: number }>(`SELECT extract(epoch FROM clock_timestamp())::float8 * 1000 AS "remoteAt"`);
    const receivedAt = this.now();
    return { sentAt, remoteAt: Number(rows[0]?.remoteAt), receivedAt };
  }

  private async report(other: string, verdict: ClockSkewVerdict): Promise<void> {
    const labels = { clock: other, reference: SERVICE_CLOCK };
    clockSkewMs.set(labels, verdict.skewMs);
    if (!verdict.flagged) return;
    clockSkewFlagsTotal.inc(labels);
    const fields = { clock: other, reference: SERVICE_CLOCK, skewMs: Math.round(verdict.skewMs), uncertaintyMs: verdict.uncertaintyMs, toleranceMs: this.options.toleranceMs };
    this.logger.warn(fields, `clock skew: ${describe(other, verdict)}`);
    // The warning and the metric are out already; a review item that cannot be stored now is raised by the next check.
    await this.raiseReview(other, verdict, fields).catch((error: unknown) => {
      this.lastReviewed.delete(other);
      this.logger.warn({ ...fields, error: String(error) }, 'clock skew review item not stored');
    });
  }

  private async raiseReview(other: string, verdict: ClockSkewVerdict, fields: Record<string, unknown>): Promise<void> {
    const now = this.now();
    if (now - (this.lastReviewed.get(other) ?? -Infinity) < REVIEW_EVERY_MS) return;
    this.lastReviewed.set(other, now);
    const detail = `${describe(other, verdict)} (± ${verdict.uncertaintyMs} ms; tolerance ${this.options.toleranceMs} ms)`;
    const item = { dedupeKey: `clock-skew:${other}:${SERVICE_CLOCK}:${Math.floor(now / REVIEW_EVERY_MS)}`, orderId: null, cause: 'CLOCK_SKEW' as const, detail, rawPayload: JSON.stringify(fields) };
    await withTransaction(this.pool, (tx) => this.reviews.raise(tx, item));
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function describe(other: string, verdict: ClockSkewVerdict): string {
  return `${other} is ${Math.abs(Math.round(verdict.skewMs))} ms ${verdict.skewMs > 0 ? 'ahead of' : 'behind'} ${SERVICE_CLOCK}`;
}
