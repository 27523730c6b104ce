/**
 * Regenerates the diagram and the transition table in docs/order-state-machine.md from
 * `order-transitions.data.json`. Run after editing the table:
 *
 *   node -r @swc-node/register libs/order-domain/scripts/render-state-diagram.ts          # write
 *   node -r @swc-node/register libs/order-domain/scripts/render-state-diagram.ts --check  # exit 1 if stale
 *
 * The unit test state-machine-doc.unit.spec.ts fails while the doc and the table disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RENDER_COMMAND, STATE_MACHINE_DOC_PATH, syncGeneratedSections } from '../src/state-machine/state-machine-doc';

const docPath = resolve(__dirname, '../../..', STATE_MACHINE_DOC_PATH);
const current = readFileSync(docPath, 'utf8');
const synced = syncGeneratedSections(current);

if (synced === current) {
  console.log(`${STATE_MACHINE_DOC_PATH} is up to date with the transition table`);
} else if (process.argv.includes('--check')) {
  console.error(`${STATE_MACHINE_DOC_PATH} is out of date with the transition table: run ${RENDER_COMMAND}`);
  process.exitCode = 1;
} else {
  writeFileSync(docPath, synced);
  console.log(`${STATE_MACHINE_DOC_PATH} updated from the transition table`);
}
