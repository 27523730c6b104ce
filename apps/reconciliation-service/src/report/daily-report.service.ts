import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';
import {
  buildDailyReport,
  inventoryLogsOf,
  DAY_MS,
  REPORT_HOUR_SHANGHAI,
  reconcile,
  reconciliationConfig,
  renderAnomalyCsv,
  renderAnomalyHtml,
  renderTotalsCsv,
  shanghaiDayStart,
  type DailyReconciliationReport,
} from '@oms/reconciliation-domain';
import type { Clock } from '../app/clock';
import type { ProjectionRepository } from '../projection/projection.repository';
import type { MatchingSettings } from '../projection/reconciliation.projector';

/** The files of one report. */
export interface WrittenReport {
  businessDate: string;
  /** The instant matching was evaluated at: the 09:00 run of the next day, or now if that is later than now. */
  asOf: number;
  report: DailyReconciliationReport;
  files: { anomaliesCsv: string; totalsCsv: string; html: string };
}

/**
 * The 09:00 run of the day after `businessDate` (Asia/Shanghai): the instant a report of that date
 * is evaluated at, whenever it is generated. Fixing it makes the report of a past date a function
 * of the stored inputs only — generated again next month, or after a rebuild, it is byte-for-byte
 * the same.
 */
export function reportCutoff(businessDate: string): number {
  return shanghaiDayStart(businessDate) + DAY_MS + REPORT_HOUR_SHANGHAI * 3_600_000;
}

/**
 * The daily anomaly traceability report (CSV of anomalies, CSV of totals, HTML), from the
 * projection's derived flows, bank lines and inventory log, matched as of the report's cut-off
 * (or now, for a date whose cut-off is still ahead). No "generated at": the bytes depend on the
 * inputs alone.
 */
export class DailyReportService {
  constructor(
    private readonly pool: Pool,
    private readonly projection: ProjectionRepository,
    private readonly settings: MatchingSettings,
    private readonly clock: Clock,
    private readonly outputDir: string,
  ) {}

  /** Builds the report of `businessDate` (`YYYY-MM-DD`). */
  async build(businessDate: string): Promise<{ report: DailyReconciliationReport; asOf: number }> {
    const asOf = Math.min(this.clock.now(), reportCutoff(businessDate));
    const inputs = await this.projection.readInputs(this.pool);
    const result = reconcile(inputs.flows, inputs.bankLines, reconciliationConfig(asOf, this.settings));
    return { report: buildDailyReport(result, { businessDate, inventoryLogs: inventoryLogsOf(inputs.inventoryLog) }), asOf };
  }

  /** Builds the report and writes `reconciliation-<date>.anomalies.csv`, `.totals.csv` and `.html` to the output directory. */
  async write(businessDate: string, outputDir = this.outputDir): Promise<WrittenReport> {
    const { report, asOf } = await this.build(businessDate);
    await mkdir(outputDir, { recursive: true });
    const base = join(outputDir, `reconciliation-${businessDate}`);
    const files = { anomaliesCsv: `${base}.anomalies.csv`, totalsCsv: `${base}.totals.csv`, html: `${base}.html` };
    await writeFile(files.anomaliesCsv, renderAnomalyCsv(report), 'utf8');
    await writeFile(files.totalsCsv, renderTotalsCsv(report), 'utf8');
    await writeFile(files.html, renderAnomalyHtml(report), 'utf8');
    return { businessDate, asOf, report, files };
  }
}
