// Writes the daily anomaly report of any business date (Asia/Shanghai), as the 09:00 job does:
//   node -r @swc-node/register apps/reconciliation-service/src/cli/report.ts --date 2024-06-18 [--out var/reports/reconciliation]
// It runs matching first (the review queue then shows every stored input); the report is
// evaluated as of 09:00 Asia/Shanghai the next day (or now, if that is still ahead), over the
// inputs stored by then — a past date's report is the same bytes as the one the 09:00 job wrote.
import { parseArgs } from 'node:util';
import { systemClock } from '../app/clock';
import { InputFactRepository } from '../inputs/input-fact.repository';
import { DailyReportService } from '../report/daily-report.service';
import { StatementLineRepository } from '../statements/statement-line.repository';
import { matchingSettingsOf, projectorOf, runCommand } from './cli-context';

void runCommand('report', async (context) => {
  const { config, pool, tables } = context;
  const { values } = parseArgs({ args: process.argv.slice(2), options: { date: { type: 'string' }, out: { type: 'string' } } });
  if (!values.date || !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    console.error('usage: report --date YYYY-MM-DD [--out <dir>]');
    return 1;
  }
  // The projection first, as the service's 09:00 job does: the review queue then agrees with the stored inputs.
  await projectorOf(context).run(systemClock.now());
  const reports = new DailyReportService(pool, new InputFactRepository(tables), new StatementLineRepository(tables), matchingSettingsOf(config), systemClock, config.REPORT_DIR);
  const written = await reports.write(values.date, values.out);
  const { totals } = written.report;
  console.log(`${values.date}: ${written.report.anomalies.length} anomalies, matched ${totals.matchedCount} flows (${totals.matchedAmount} fen), discrepancy rate ${totals.discrepancyRate.percentText}`);
  for (const file of Object.values(written.files)) console.log(`  ${file}`);
  return 0;
});
