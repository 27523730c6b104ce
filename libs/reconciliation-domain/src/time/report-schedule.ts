import { businessDateFor, DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDayStart } from './shanghai-clock';

/** The daily anomaly report runs at 09:00 Asia/Shanghai (DESIGN.md, Reconciliation). */
export const REPORT_HOUR_SHANGHAI = 9;

/**
 * Epoch ms of the next 09:00 Asia/Shanghai strictly after `nowEpochMs` — 01:00 UTC, since
 * Shanghai is a fixed UTC+8. At exactly 09:00:00.000 the run is due now, so the next one is
 * tomorrow's: a scheduler that fires and asks again never runs the same report twice.
 *
 * @example
 * next09ReportRun(Date.parse('2024-06-18T00:59:59.999Z')); // Date.parse('2024-06-18T01:00:00Z')
 */
export function next09ReportRun(nowEpochMs: number): number {
  const todayStart = Math.floor((nowEpochMs + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  const todayRun = todayStart + REPORT_HOUR_SHANGHAI * 3_600_000;
  return todayRun > nowEpochMs ? todayRun : todayRun + DAY_MS;
}

/**
 * The business date a report run covers: the Asia/Shanghai day before the run's own day, so
 * the 09:00 run on 2024-06-19 reports 2024-06-18 once its bank statements have arrived overnight.
 */
export function businessDateReportedAt(runEpochMs: number): string {
  return businessDateFor(shanghaiDayStart(businessDateFor(runEpochMs)) - 1);
}

/**
 * The 09:00 Asia/Shanghai run that reports `businessDate`: 09:00 on the next day. It is also the
 * report's cut-off — the instant the report is evaluated at, and the latest arrival time of an
 * input the report reads — so a late report is the same as a punctual one.
 *
 * @example
 * reportRunOf('2024-06-18'); // Date.parse('2024-06-19T01:00:00Z')
 */
export function reportRunOf(businessDate: string): number {
  return shanghaiDayStart(businessDate) + DAY_MS + REPORT_HOUR_SHANGHAI * 3_600_000;
}

/**
 * The first 09:00 run a scheduler starting at `nowEpochMs` still owes, given the last business
 * date whose report was written (`null`: none ever was).
 *
 * - After downtime: the run of the day after `lastReported`, so each missed report is written
 *   once, oldest first — but at most `maxCatchUpDays` runs back from the next one, so a service
 *   restored after months does not write a quarter of reports nobody will read.
 * - On a brand-new install (`null`): the run that reports the day the service started on
 *   (`startedAtEpochMs`, default now) — no history is back-filled, not even the day before (an
 *   install at 00:30 Shanghai does not owe the 09:00 report of a day it never saw); a past
 *   date's report is always available on demand (`report --date`).
 *
 * A result at or before `nowEpochMs` is due now.
 *
 * @example
 * // down from 2024-06-18 to 2024-06-21 10:00 Shanghai, last written 2024-06-17:
 * firstReportRunDue('2024-06-17', Date.parse('2024-06-21T02:00:00Z'), 7); // the run reporting 2024-06-18
 */
export function firstReportRunDue(lastReported: string | null, nowEpochMs: number, maxCatchUpDays: number, startedAtEpochMs = nowEpochMs): number {
  const upcoming = next09ReportRun(nowEpochMs);
  if (lastReported === null) return reportRunOf(businessDateFor(startedAtEpochMs));
  // Never before the run after the last written one: a clock set back must not write a date twice.
  return Math.max(reportRunOf(lastReported) + DAY_MS, upcoming - maxCatchUpDays * DAY_MS);
}
