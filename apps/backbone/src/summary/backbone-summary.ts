import { expectedFigures, plantedFacts, type ExpectedFigures } from '../scenario/expected-figures';
import type { ScenarioOutcome } from '../scenario/scenario-driver';
import type { ScenarioPlan } from '../scenario/scenario-plan';
import type { ServicePart, SummaryContext } from '../services/service-part';
import type { SummarySection, Tally } from './summary-section';

/** The end-of-run summary: what the services report, next to what was planted. Also written as JSON. */
export interface BackboneSummary {
  runId: string;
  businessDate: string;
  infrastructure: { database: string; bus: string };
  endpoints: Record<string, string>;
  notAvailable: Array<{ part: string; reason: string }>;
  /** Every part's tallies, by name (e.g. `orders by state`). */
  tallies: Record<string, Tally>;
  figures: Record<string, number>;
  files: string[];
  planted: Record<string, number>;
  expected: ExpectedFigures;
  /** Expected figures the services did not report as planted (empty = every anomaly found, none extra). */
  mismatches: string[];
  skipped: ScenarioOutcome['skipped'];
  problems: string[];
  plan: ScenarioPlan;
}

/** Compares found with expected, figure by figure. */
function mismatchesOf(expected: ExpectedFigures, tallies: Record<string, Tally>, figures: Record<string, number>): string[] {
  const found: Record<string, unknown> = { ...tallies, ...figures };
  const mismatches: string[] = [];
  for (const [name, want] of Object.entries(expected)) {
    if (want === undefined) continue;
    const got = found[name] ?? (typeof want === 'number' ? 0 : {});
    if (JSON.stringify(sorted(got)) !== JSON.stringify(sorted(want))) mismatches.push(`${name}: planted ${JSON.stringify(sorted(want))}, found ${JSON.stringify(sorted(got))}`);
  }
  return mismatches;
}

function sorted(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, count]) => count !== 0).sort(([a], [b]) => a.localeCompare(b)));
}

/** Asks every available part for its contribution and compares the whole with the plan. */
export async function collectSummary(
  parts: readonly ServicePart[],
  context: SummaryContext,
  run: { plan: ScenarioPlan; outcome: ScenarioOutcome; infrastructure: BackboneSummary['infrastructure'] },
): Promise<BackboneSummary> {
  const available = parts.filter((part) => part.available);
  const sections: SummarySection[] = [];
  for (const part of available) if (part.summarize) sections.push(await part.summarize(context));
  const tallies = Object.assign({}, ...sections.map((section) => section.tallies)) as Record<string, Tally>;
  const figures = Object.assign({}, ...sections.map((section) => section.figures)) as Record<string, number>;
  const played = { undocumentedCarrierStatus: !run.outcome.skipped.some((entry) => entry.step === 'an undocumented carrier status'), providerRetries: run.outcome.providerRetries };
  const expected = expectedFigures(run.plan, new Set(available.map((part) => part.name)), played);
  return {
    runId: run.plan.runId,
    businessDate: run.plan.businessDate,
    infrastructure: run.infrastructure,
    endpoints: { ...context.endpoints },
    notAvailable: parts.filter((part) => !part.available).map((part) => ({ part: part.name, reason: part.unavailableReason ?? 'not available' })),
    tallies,
    figures: { ...figures, 'provider retries (delivery not acknowledged in time)': run.outcome.providerRetries },
    files: sections.flatMap((section) => section.files),
    planted: plantedFacts(run.plan),
    expected,
    mismatches: mismatchesOf(expected, tallies, figures),
    skipped: run.outcome.skipped,
    problems: run.outcome.problems,
    plan: run.plan,
  };
}
