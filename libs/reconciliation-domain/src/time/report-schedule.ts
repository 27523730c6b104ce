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
