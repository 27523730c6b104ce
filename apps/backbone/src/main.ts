// The main job: `npm start` (node -r @swc-node/register apps/backbone/src/main.ts [options]).
import 'reflect-metadata';
import { parseBackboneOptions, USAGE } from './cli/backbone-options';
import { runAgainst } from './backbone-against.runner';
import { runBackbone } from './backbone.runner';

async function main(): Promise<void> {
  const options = parseBackboneOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const summary = options.against ? await runAgainst(options) : await runBackbone(options);
  // Found ≠ planted is a failed run for scripts and CI.
  process.exitCode = summary.mismatches.length > 0 ? 2 : 0;
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
