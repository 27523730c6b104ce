import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';
import {
  buildDailyReport,
  inventoryLogsOf,
  reconcile,
  reconciliationConfig,
  renderAnomalyCsv,
  renderAnomalyHtml,
  renderTotalsCsv,
  reportRunOf,
  type DailyReconciliationReport,
} from '@oms/reconciliation-domain';
import type { Clock } from '../app/clock';
import type { InputFactRepository } from '../inputs/input-fact.repository';
import { deriveInputs } from '../projection/reconciliation-inputs';
import type { MatchingSettings } from '../projection/reconciliation.projector';
import type { StatementLineRepository } from '../statements/statement-line.repository';

/** The files of one report. */
export interface WrittenReport {
  businessDate: string;
  /** The instant matching was evaluated at: the 09:00 run of the next day, or now if that is later than now. */
  asOf: number;
  report: DailyReconciliationReport;
  files: { anomaliesCsv: string; totalsCsv: string; html: string };
}

/**
 * The cut-off of `businessDate`'s report: 09:00 Asia/Shanghai on the next day, the scheduled run.
 * The report is evaluated at it **and reads only the inputs stored at or before it** — the rule
 * that makes a past date's report a function of what was known at its cut-off: generated again
 * next month, after later inputs arrived, or after a rebuild, it is byte-for-byte the same.
 */
export function reportCutoff(businessDate: string): number {
  return reportRunOf(businessDate);
}

/**
 * The daily anomaly traceability report (CSV of anomalies, CSV of totals, HTML). Report of date D:
 * the inputs (facts and bank lines) whose `recorded_at` is at or before D's cut-off (or now, while
 * the cut-off is ahead), derived and matched as of that instant, the outcomes of business date D.
 *
 * An input stored after the cut-off — a bank line of D that the bank sent late, a late provider
 * answer — never changes D's report: the live projection takes it in at once, so it shows in the
 * review queue (with business date D), and `report --date D` stays what finance was sent.
 * No "generated at": the bytes depend on the inputs alone.
 */
export class DailyReportService {
  constructor(
    private readonly pool: Pool,
    private readonly facts: InputFactRepository,
    private readonly lines: StatementLineRepository,
    private readonly settings: MatchingSettings,
    private readonly clock: Clock,
    private readonly outputDir: string,
  ) {}

  /** Builds the report of `businessDate` (`YYYY-MM-DD`). */
  async build(businessDate: string): Promise<{ report: DailyReconciliationReport; asOf: number }> {
    const asOf = Math.min(this.clock.now(), reportCutoff(businessDate));
    // Derived from the inputs known at `asOf`, not read from the projection: the projection
    // already holds inputs that arrived later.
    const inputs = deriveInputs(await this.facts.readAll(this.pool, asOf), await this.lines.readAll(this.pool, asOf));
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
