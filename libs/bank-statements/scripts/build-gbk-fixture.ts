// Writes src/testing/fixtures/icbc-statement-20240618.gbk.csv from its UTF-8 source in
// src/testing/statement-fixtures.ts:
//   node -r @swc-node/register libs/bank-statements/scripts/build-gbk-fixture.ts
// The binary is committed; statement-fixtures.unit.spec.ts checks it still equals the source.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, icbcGbkBytes } from '../src/testing/statement-fixtures';

const path = join(FIXTURES_DIR, 'icbc-statement-20240618.gbk.csv');
writeFileSync(path, icbcGbkBytes());
console.log(`wrote ${path}`);
