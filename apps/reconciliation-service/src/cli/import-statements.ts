// Imports a bank statement file into reconciliation-service's inputs:
//   node -r @swc-node/register apps/reconciliation-service/src/cli/import-statements.ts \
//     --format csv --bank ICBC --account 6222021001116021 --mapping icbc-mapping.json --encoding gbk statement.csv
//   node -r @swc-node/register apps/reconciliation-service/src/cli/import-statements.ts --format camt053 --bank CMB statement.xml
// Exit code 0: imported (or already imported); 2: refused, nothing imported, bad rows printed; 1: usage or other error.
import { readFileSync } from 'node:fs';
import type { CsvColumnMapping } from '@oms/bank-statements';
import { systemClock } from '../app/clock';
import { StatementImportService } from '../statements/statement-import.service';
import { StatementLineRepository } from '../statements/statement-line.repository';
import { IMPORT_USAGE, parseImportArguments } from '../statements/import-arguments';
import { runCommand } from './cli-context';

const readMapping = (path: string): CsvColumnMapping => JSON.parse(readFileSync(path, 'utf8')) as CsvColumnMapping;

void runCommand('import-statements', async ({ pool, tables }) => {
  let request;
  try {
    request = parseImportArguments(process.argv.slice(2), readMapping);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nusage: ${IMPORT_USAGE}`);
    return 1;
  }
  const service = new StatementImportService(pool, new StatementLineRepository(tables), systemClock);
  const outcome = await service.importFile(request.path, request.options(systemClock.now()));
  if (!outcome.ok) {
    console.error(`${request.path}: refused, nothing imported (sha256 ${outcome.fileFingerprint})`);
    for (const row of outcome.badRows) console.error(`  row ${row.rowNumber} (line ${row.sourceLine}): ${row.reason}`);
    console.error('  fix the rows, or import every other row with --partial');
    return 2;
  }
  console.log(`${request.path}: ${outcome.lines} lines read, ${outcome.newLines} new (sha256 ${outcome.fileFingerprint})`);
  for (const row of outcome.skippedRows) console.log(`  skipped row ${row.rowNumber} (line ${row.sourceLine}): ${row.reason}`);
  for (const row of outcome.ignoredRows) console.log(`  ignored row ${row.rowNumber}: ${row.reason}`);
  return 0;
});
