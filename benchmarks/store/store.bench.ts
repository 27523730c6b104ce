/**
 * Store benchmark: our event store against Emmett's PostgreSQL event store and bare `pg`, on the
 * same PostgreSQL, in one run. Prints a table (and a JSON line) of append, read, outbox and
 * rebuild figures with ratios and our targets.
 *
 *   npm run bench:store
 *   npm run bench:store -- --single=5000 --concurrency=1,8 --batched=20000 --json out.json
 *
 * Sizes: see bench-config.ts (flags or BENCH_* variables). PostgreSQL: DATABASE_URL or the local
 * server; Kafka: KAFKA_BROKERS or the broker `scripts/kafka.sh start` runs.
 */
import { writeFile } from 'node:fs/promises';
import { loadBenchConfig } from './bench-config';
import { createEmmettSubject } from './emmett.scenarios';
import { metricCatalogue, methodNotes, type Subject } from './metrics';
import { createOurSubject } from './ours.scenarios';
import { createRawPgSubject } from './raw-pg.scenarios';
import { buildRows, formatTable, notApplicableNotes, reportContext, runStart, type BenchReport } from './report';
import { measureAll } from './run-figures';
import { scenarioContext } from './scenario-context';
import type { BenchSubject } from './subject';

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const context = scenarioContext(config);
  const start = runStart();
  const subjects: Partial<Record<Subject, BenchSubject>> = {};
  let teardown: Promise<void> | undefined;
  // Each subject is dropped once, whether the run ends, fails or is interrupted.
  const teardownAll = () => (teardown ??= teardownSubjects(subjects, context.log));
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      context.log(`${signal}: dropping the benchmark's schemas and database`);
      void teardownAll().finally(() => process.exit(130));
    });
  }
  try {
    subjects.ours = await createOurSubject(context);
    subjects.emmett = await createEmmettSubject(context);
    subjects.raw = await createRawPgSubject(context);
    const figures = await measureAll(context, { ours: subjects.ours, emmett: subjects.emmett, raw: subjects.raw });

    const specs = metricCatalogue(config);
    const report: BenchReport = {
      ...reportContext(config, start),
      rows: buildRows(specs, figures),
      notes: [...methodNotes(config), ...notApplicableNotes(specs, figures), ...Object.values(subjects).flatMap((subject) => subject.notes)],
    };
    const json = JSON.stringify(report);
    if (config.jsonOut) await writeFile(config.jsonOut, `${json}\n`);
    process.stdout.write(`${formatTable(report)}\n${json}\n`);
  } catch (error) {
    // An interrupted run fails on its closed pools; the signal handler exits once cleanup is done.
    if (interrupted) return new Promise<void>(() => undefined);
    throw error;
  } finally {
    await teardownAll();
  }
}

async function teardownSubjects(subjects: Partial<Record<Subject, BenchSubject>>, log: (line: string) => void): Promise<void> {
  for (const [name, subject] of Object.entries(subjects)) {
    await subject.teardown().catch((error: unknown) => log(`cleanup of ${name} failed: ${String(error)}`));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`store benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
