// Reconciliation through reconciliation-service's own projection code path (issue 7, Benchmark):
// stored facts (OrderPaid, RefundResult) and topic bank lines → derived flows and bank lines →
// matching → the day's totals, as every matching run and the daily report do.
//   node -r @swc-node/register benchmarks/reconciliation/service-projection.bench.ts [--payments=1000000]
//   node -r @swc-node/register benchmarks/reconciliation/service-projection.bench.ts --database [--payments=100000]
// --database also stores the inputs in a fresh schema of the service and runs its rebuild command
// (one full matching run: read every input from PostgreSQL, derive, match, write the projection)
// and its match command (a run with nothing new, which writes only changed rows: none).
import { bankLineOfInput } from '@oms/bank-statements';
import { buildDailyReport, discrepancyRate, flowsFromFacts, inventoryLogFromFacts, reconcile, reconciliationConfig } from '@oms/reconciliation-domain';
import { runProjectionInDatabase } from './service-projection.database';
import { serviceDay } from './service-day';

const TARGET_LINES_PER_SECOND = 50_000;
const AS_OF = Date.parse('2024-06-20T09:00:00+08:00');

function options(argv: string[]): { payments: number; database: boolean } {
  const unknown = argv.filter((arg) => !arg.startsWith('--payments=') && arg !== '--database');
  if (unknown.length > 0) throw new Error(`Unknown arguments ${unknown.join(' ')}; known: --payments=N, --database`);
  const database = argv.includes('--database');
  const flag = argv.find((arg) => arg.startsWith('--payments='));
  const payments = flag === undefined ? (database ? 100_000 : 1_000_000) : Number(flag.slice('--payments='.length));
  if (!Number.isSafeInteger(payments) || payments < 1_000) throw new Error(`--payments must be an integer ≥ 1000, got ${flag}`);
  return { payments, database };
}

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;
const perSecond = (count: number, elapsed: number): string => Math.round(count / elapsed).toLocaleString('en-US');

async function main(): Promise<void> {
  const { payments, database } = options(process.argv.slice(2));
  let started = process.hrtime.bigint();
  const day = serviceDay(payments);
  console.log(`generated ${payments.toLocaleString('en-US')} payments → ${day.facts.length.toLocaleString('en-US')} facts, ${day.lines.length.toLocaleString('en-US')} bank lines in ${seconds(started).toFixed(2)} s`);

  const cpuBefore = process.cpuUsage();
  started = process.hrtime.bigint();
  // What the service's deriveInputs does (apps/reconciliation-service/src/projection/reconciliation-inputs.ts).
  const derived = {
    flows: flowsFromFacts(day.facts),
    bankLines: day.lines.map((stored) => bankLineOfInput(stored.input, stored.lineId)),
    inventoryLog: inventoryLogFromFacts(day.facts),
  };
  const deriveSeconds = seconds(started);
  started = process.hrtime.bigint();
  const result = reconcile(derived.flows, derived.bankLines, reconciliationConfig(AS_OF));
  const matchSeconds = seconds(started);
  started = process.hrtime.bigint();
  const report = buildDailyReport(result, { businessDate: day.businessDate });
  const reportSeconds = seconds(started);
  const total = deriveSeconds + matchSeconds + reportSeconds;
  const cpu = process.cpuUsage(cpuBefore);

  const found = report.totals.discrepancyRate;
  const planted = discrepancyRate(day.plantedUnderReview, day.flowCount + day.lines.length);
  const equal = found.numerator === planted.numerator && found.denominator === planted.denominator;
  const causesEqual = JSON.stringify(report.totals.itemsByCause) === JSON.stringify(day.plantedItems);
  console.log(`derive: ${deriveSeconds.toFixed(2)} s; reconcile: ${matchSeconds.toFixed(2)} s; totals: ${reportSeconds.toFixed(2)} s; total ${total.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`);
  console.log(`throughput: ${perSecond(day.lines.length, total)} bank lines/s (target ≥ ${TARGET_LINES_PER_SECOND.toLocaleString('en-US')})`);
  console.log(`review items: ${result.reviewItems.length.toLocaleString('en-US')} ${JSON.stringify(report.totals.itemsByCause)} (${causesEqual ? 'as planted' : `planted ${JSON.stringify(day.plantedItems)}`})`);
  console.log(`discrepancy rate found ${found.numerator}/${found.denominator} = ${found.percentText}; planted ${planted.numerator}/${planted.denominator} = ${planted.percentText}: ${equal ? 'EQUAL' : 'DIFFERENT'}`);
  let ok = equal && causesEqual && day.lines.length / total >= TARGET_LINES_PER_SECOND;

  if (database) {
    const run = await runProjectionInDatabase(day);
    console.log(`database: stored ${(day.facts.length + day.lines.length).toLocaleString('en-US')} inputs in ${run.storeSeconds.toFixed(2)} s`);
    console.log(`  ${run.rebuild.output} (process ${run.rebuild.wallSeconds.toFixed(2)} s)`);
    console.log(`  ${run.rerun.output} (process ${run.rerun.wallSeconds.toFixed(2)} s)`);
    // Matched as of now, not AS_OF: the same day, long past its settlement window either way.
    const sameItems = run.rebuild.output.includes(` ${result.reviewItems.length} review items`);
    console.log(`  review items ${sameItems ? 'same as in memory' : 'DIFFERENT from in memory'}`);
    ok &&= sameItems;
  }
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
