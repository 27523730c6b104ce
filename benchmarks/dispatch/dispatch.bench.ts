/**
 * Dispatch decision benchmark: `planDispatch` over a generated 100,000-SKU catalog for orders of
 * 1–20 lines (merged carts spanning warehouses), plus the related-orders path (three orders of one
 * customer planned together). Prints decisions/s and p50/p99 per decision, and checks that every
 * line was routed to its SKU's warehouse (target 100%) — the library part of issue 5's benchmark.
 *
 *   node -r @swc-node/register benchmarks/dispatch/dispatch.bench.ts
 *   node -r @swc-node/register benchmarks/dispatch/dispatch.bench.ts --skus=100000 --per-size=2000 --related=2000 --json
 *
 * Inputs come from a fixed seed. Each is built right before its decision, untimed — as a service
 * decodes a message and then decides — so the figure is the decision itself; catalog lookups stay
 * cold (the library's own `Map` over 100,000 SKUs does not fit a cache). Two clocks per decision:
 * wall time (hrtime; includes being descheduled on a busy machine) and this process's CPU time
 * (what the decision costs a core); both rates are printed, with the load average.
 */
import { cpus, loadavg } from 'node:os';
import { planDispatch, type DispatchInput } from '@oms/dispatch-domain';
import { generateEntries, importCatalog } from './bench-catalog';
import { generateOrder, generateRelatedOrders, inputFor } from './bench-orders';
import { summarise } from './latency-stats';
import { routingCheck, type RoutingTally } from './routing-check';
import { seededRandom } from './seeded-random';
import { formatReport } from './bench-report';

function option(name: string, fallback: number): number {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found === undefined ? fallback : Number(found.split('=')[1]);
}

/** One decision to time: its group label and how to build its input. */
interface Case {
  readonly group: string;
  readonly build: () => DispatchInput;
}

/** Per-decision wall times by group, and the CPU time of all decisions. */
interface Timings {
  readonly wallNs: Map<string, number[]>;
  cpuNs: number;
}

/**
 * Builds each input right before its decision (untimed, as a service decodes a message and then
 * decides), then reads both clocks around the decision. The CPU window also holds part of the
 * two getrusage calls, so the CPU rate errs low. Routing is checked untimed; no plan is kept.
 */
function run(cases: readonly Case[], tally: RoutingTally): Timings {
  const timings: Timings = { wallNs: new Map(), cpuNs: 0 };
  for (const { group, build } of cases) {
    const input = build();
    const cpuBefore = process.cpuUsage();
    const before = process.hrtime.bigint();
    const decision = planDispatch(input);
    const wall = Number(process.hrtime.bigint() - before);
    const cpu = process.cpuUsage(cpuBefore);
    timings.cpuNs += (cpu.user + cpu.system) * 1_000;
    const samples = timings.wallNs.get(group) ?? [];
    samples.push(wall);
    timings.wallNs.set(group, samples);
    routingCheck(decision, input.catalog, tally);
  }
  return timings;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function main(): void {
  const skuCount = option('skus', 100_000);
  const perSize = option('per-size', 2_000);
  const relatedGroups = option('related', 2_000);
  const random = seededRandom(20260120);

  const buildStart = process.hrtime.bigint();
  const catalog = importCatalog(generateEntries(random, skuCount), Date.parse('2026-01-20T00:00:00+08:00'));
  const importMs = Number(process.hrtime.bigint() - buildStart) / 1e6;

  const single: Case[] = [];
  for (let lines = 1; lines <= 20; lines += 1) {
    for (let i = 0; i < perSize; i += 1) single.push({ group: `${lines}`, build: () => inputFor([generateOrder(random, `o-${lines}-${i}`, lines, skuCount)], catalog) });
  }
  shuffle(single, random);
  const related: Case[] = Array.from({ length: relatedGroups }, (_, i) => ({ group: 'related', build: () => inputFor(generateRelatedOrders(random, `r-${i}`, skuCount), catalog) }));

  // Warm-up: let the JIT settle on the same code paths, untimed.
  const warmUp: RoutingTally = { right: 0, lines: 0, notProposed: 0 };
  run(single.slice(0, Math.min(5_000, single.length)), warmUp);
  run(related.slice(0, Math.min(500, related.length)), warmUp);

  const tally: RoutingTally = { right: 0, lines: 0, notProposed: 0 };
  const singles = run(single, tally);
  const groups = run(related, tally);
  const report = {
    skuCount, importMs, node: process.version, cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`, loadAverage: loadavg(),
    perLines: Array.from({ length: 20 }, (_, i) => ({ label: `${i + 1}`, ...summarise(singles.wallNs.get(`${i + 1}`) ?? []) })),
    all: summarise([...singles.wallNs.values()].flat(), singles.cpuNs),
    related: summarise(groups.wallNs.get('related') ?? [], groups.cpuNs),
    routing: tally,
  };
  console.log(formatReport(report));
  if (process.argv.includes('--json')) console.log(JSON.stringify(report));
}

main();
