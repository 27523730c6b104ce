import { MetricKeys, type Subject, type SubjectFigures } from './metrics';
import type { ScenarioContext } from './scenario-context';
import type { BenchSubject } from './subject';

/**
 * Measures every figure for every subject, figure by figure: all subjects' single appends, then
 * all subjects' batched appends, and so on, so each ratio in the report compares measurements
 * taken close together in time.
 */
export async function measureAll(context: ScenarioContext, subjects: Record<Subject, BenchSubject>): Promise<Record<Subject, SubjectFigures>> {
  const figures: Record<Subject, SubjectFigures> = { ours: {}, emmett: {}, raw: {} };
  const each = async (what: string, measure: (subject: BenchSubject, name: Subject) => Promise<void>) => {
    for (const name of Object.keys(subjects) as Subject[]) {
      context.log(`${what}: ${name}`);
      await measure(subjects[name], name);
    }
  };
  for (const connections of context.config.concurrencies) {
    await each(`single appends, ${connections} connection(s)`, async (subject, name) => {
      figures[name][MetricKeys.singleAppend(connections)] = await subject.singleAppends(connections);
    });
  }
  await each('batched appends', async (subject, name) => {
    figures[name][MetricKeys.batchedAppend] = await subject.batchedAppends();
  });
  await each('global read', async (subject, name) => {
    figures[name][MetricKeys.globalRead] = await subject.globalRead();
  });
  await each('outbox', async (subject, name) => {
    figures[name][MetricKeys.outbox] = await subject.outbox();
  });
  await each('stream rebuilds', async (subject, name) => {
    const { p50, p99 } = await subject.rebuild();
    figures[name][MetricKeys.rebuildP50] = p50;
    figures[name][MetricKeys.rebuildP99] = p99;
  });
  return figures;
}
