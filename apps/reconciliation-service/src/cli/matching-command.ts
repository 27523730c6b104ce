import { systemClock } from '../app/clock';
import type { MatchingRunSummary, ReconciliationProjector } from '../projection/reconciliation.projector';
import { projectorOf, runCommand } from './cli-context';

/** Runs one matching run (or a rebuild) of the service's projector from a command, and prints what it did and how long it took. */
export function runMatchingCommand(name: string, run: (projector: ReconciliationProjector, now: number) => Promise<MatchingRunSummary>): void {
  void runCommand(name, async (context) => {
    const started = process.hrtime.bigint();
    const summary = await run(projectorOf(context), systemClock.now());
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`${name}: ${summary.flows} flows, ${summary.bankLines} bank lines, ${summary.matches} matches, ${summary.reviewItems} review items, ${summary.pending} pending in ${seconds.toFixed(2)} s`);
    return 0;
  });
}
