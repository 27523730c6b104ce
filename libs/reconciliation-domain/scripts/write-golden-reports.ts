// Rewrites the golden report files after an intended change to the report format:
//   node -r @swc-node/register libs/reconciliation-domain/scripts/write-golden-reports.ts
// Review the diff before committing — the golden files are what finance receives.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderGoldenReports } from '../src/testing/golden-report';

const directory = join(__dirname, '..', 'src', 'report', 'golden');
for (const [name, text] of Object.entries(renderGoldenReports())) {
  writeFileSync(join(directory, name), text);
  console.log(`wrote ${join(directory, name)}`);
}
