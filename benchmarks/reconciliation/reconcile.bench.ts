// Reconciliation throughput: ≥ 1,000,000 payments against their bank lines, with planted
// anomalies whose discrepancy rate must come out exactly (issue 7, Benchmark).
//   node -r @swc-node/register benchmarks/reconciliation/reconcile.bench.ts [--payments=1000000] [--shuffle]
// Inputs come in arrival order (by time) unless --shuffle puts each list in random order.
import { buildDailyReport, discrepancyRate, reconcile, reconciliationConfig } from '@oms/reconciliation-domain';
import { plantDay } from './planted-day';

const TARGET_LINES_PER_SECOND = 50_000;

function paymentsFlag(argv: string[]): number {
  const unknown = argv.filter((arg) => !arg.startsWith('--payments=') && arg !== '--shuffle');
  if (unknown.length > 0) throw new Error(`Unknown arguments ${unknown.join(' ')}; known: --payments=N, --shuffle`);
  const flag = argv.find((arg) => arg.startsWith('--payments='));
  const value = flag === undefined ? 1_000_000 : Number(flag.slice('--payments='.length));
  if (!Number.isSafeInteger(value) || value < 1_000) throw new Error(`--payments must be an integer ≥ 1000, got ${flag}`);
  return value;
}

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;
const perSecond = (count: number, elapsed: number): string => Math.round(count / elapsed).toLocaleString('en-US');

function main(): void {
  const payments = paymentsFlag(process.argv.slice(2));
  let started = process.hrtime.bigint();
  const shuffled = process.argv.includes('--shuffle');
  const day = plantDay(payments, shuffled);
  console.log(`generated ${payments.toLocaleString('en-US')} payments (${shuffled ? 'shuffled' : 'arrival order'}) → ${day.flows.length.toLocaleString('en-US')} flows, ${day.lines.length.toLocaleString('en-US')} bank lines in ${seconds(started).toFixed(2)} s`);

  const config = reconciliationConfig(Date.parse('2024-06-20T09:00:00+08:00'));
  const cpuBefore = process.cpuUsage();
  started = process.hrtime.bigint();
  const result = reconcile(day.flows, day.lines, config);
  const matchSeconds = seconds(started);
  started = process.hrtime.bigint();
  const report = buildDailyReport(result, { businessDate: day.businessDate });
  const reportSeconds = seconds(started);
  const total = matchSeconds + reportSeconds;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const found = report.totals.discrepancyRate;
  const planted = discrepancyRate(day.plantedUnderReview, day.flows.length + day.lines.length);
  const equal = found.numerator === planted.numerator && found.denominator === planted.denominator;
  const causesEqual = JSON.stringify(report.totals.itemsByCause) === JSON.stringify(day.plantedItems);
  console.log(`reconcile: ${matchSeconds.toFixed(2)} s; daily report totals: ${reportSeconds.toFixed(2)} s; total ${total.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (GC threads included)`);
  console.log(`throughput: ${perSecond(day.lines.length, total)} bank lines/s, ${perSecond(day.flows.length + day.lines.length, total)} entries/s (target ≥ ${TARGET_LINES_PER_SECOND.toLocaleString('en-US')} lines/s)`);
  console.log(`matches: ${result.matches.length.toLocaleString('en-US')}, review items: ${result.reviewItems.length.toLocaleString('en-US')} ${JSON.stringify(report.totals.itemsByCause)} (${causesEqual ? 'as planted' : `planted ${JSON.stringify(day.plantedItems)}`})`);
  console.log(`discrepancy rate found ${found.numerator}/${found.denominator} = ${found.percentText}; planted ${planted.numerator}/${planted.denominator} = ${planted.percentText}: ${equal ? 'EQUAL' : 'DIFFERENT'}`);
  const linesPerSecond = day.lines.length / total;
  if (!equal || !causesEqual || linesPerSecond < TARGET_LINES_PER_SECOND) process.exitCode = 1;
}

main();
