import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readStatementFile, type CsvColumnMapping } from '@oms/bank-statements';
import { createTestSchema, testDatabaseUrl, type TestSchema } from '@oms/testing';
import { migrateReconciliationService } from '../database/all-migrations';

const run = promisify(execFile);
const ROOT = join(__dirname, '../../../..');
const FIXTURES = join(ROOT, 'libs/bank-statements/src/testing/fixtures');
const MAPPINGS = join(ROOT, 'apps/reconciliation-service/mappings');
const ACCOUNT = '6222 0210 0111 6021';

/** The import command as finance runs it: a child process on the real database. */
describe('import-statements command (real PostgreSQL)', () => {
  let db: TestSchema;

  beforeAll(async () => {
    db = await createTestSchema('recon_import');
    await migrateReconciliationService(db.pool, db.schema);
  });
  afterAll(() => db?.drop());

  async function importFile(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env, DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: db.schema };
    const script = join(ROOT, 'apps/reconciliation-service/src/cli/import-statements.ts');
    try {
      const { stdout, stderr } = await run(process.execPath, ['-r', '@swc-node/register', script, ...args], { cwd: ROOT, env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }
  const linesOf = async (fingerprintLike: string): Promise<number> =>
    (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM statement_line WHERE file_fingerprint LIKE $1`, [fingerprintLike])).rows[0]!.n;
  const mapping = (name: string): CsvColumnMapping => JSON.parse(readFileSync(join(MAPPINGS, name), 'utf8')) as CsvColumnMapping;

  it('imports a GBK-encoded ICBC export with its column mapping, keeping the bank time as written', async () => {
    const file = join(FIXTURES, 'icbc-statement-20240618.gbk.csv');
    const parsed = await readStatementFile(file, { format: 'csv', bankCode: 'ICBC', accountNumber: ACCOUNT, receivedAt: 0, mapping: mapping('icbc.json'), encoding: 'gbk' });
    if (!parsed.ok) throw new Error('fixture should parse');
    const result = await importFile('--format', 'csv', '--bank', 'ICBC', '--account', ACCOUNT, '--mapping', join(MAPPINGS, 'icbc.json'), '--encoding', 'gbk', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${parsed.lines.length} lines read, ${parsed.lines.length} new`);
    expect(await linesOf(parsed.fileFingerprint)).toBe(parsed.lines.length);
    const stored = await db.pool.query<{ text: string; counterparty: string }>(
      `SELECT payload->'line'->'bankTime'->>'text' AS text, payload->'line'->'record'->>'counterpartyName' AS counterparty FROM statement_line WHERE file_fingerprint = $1 ORDER BY row_number LIMIT 1`,
      [parsed.fileFingerprint],
    );
    expect(stored.rows[0]).toEqual({ text: parsed.lines[0]!.bankTime.text, counterparty: parsed.lines[0]!.record.counterpartyName });
    expect(stored.rows[0]!.counterparty).toMatch(/[\u4e00-\u9fff]/);
  }, 60_000);

  it('creates no duplicates when the same file is imported again', async () => {
    const file = join(FIXTURES, 'icbc-statement-20240618.gbk.csv');
    const before = (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM statement_line')).rows[0]!.n;
    const result = await importFile('--format', 'csv', '--bank', 'ICBC', '--account', ACCOUNT, '--mapping', join(MAPPINGS, 'icbc.json'), '--encoding', 'gbk', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ 0 new /);
    expect((await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM statement_line')).rows[0]!.n).toBe(before);
  }, 60_000);

  it('imports a camt.053 statement, leaving out entries not booked', async () => {
    const file = join(FIXTURES, 'camt053-statement-20240618.xml');
    const parsed = await readStatementFile(file, { format: 'camt053', bankCode: 'CMB', receivedAt: 0 });
    if (!parsed.ok) throw new Error('fixture should parse');
    const result = await importFile('--format', 'camt053', '--bank', 'CMB', file);
    expect(result.code).toBe(0);
    expect(await linesOf(parsed.fileFingerprint)).toBe(parsed.lines.length);
    expect(parsed.ignoredRows.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(`ignored row ${parsed.ignoredRows[0]!.rowNumber}`);
  }, 60_000);

  it('refuses a file with a bad row as a whole, naming the row and the reason; --partial imports the rest', async () => {
    const file = join(FIXTURES, 'bad-amount-row7.csv');
    const args = ['--format', 'csv', '--bank', 'TEST', '--account', ACCOUNT, '--mapping', join(MAPPINGS, 'simple-yuan.json'), file];
    const refused = await importFile(...args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('row 7');
    expect(refused.stderr).toContain('12.345');
    const good = await readStatementFile(file, { format: 'csv', bankCode: 'TEST', accountNumber: ACCOUNT, receivedAt: 0, mapping: mapping('simple-yuan.json'), skipBadRows: true });
    if (!good.ok) throw new Error('the good rows should parse');
    const fingerprint = good.fileFingerprint;
    expect(await linesOf(fingerprint)).toBe(0);

    const partial = await importFile('--partial', ...args);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('skipped row 7');
    expect(await linesOf(fingerprint)).toBe(good.lines.length);
    expect(good.skippedRows.map((row) => row.rowNumber)).toEqual([7]);
  }, 60_000);

  it('refuses a truncated camt.053 download as a whole', async () => {
    const result = await importFile('--format', 'camt053', '--bank', 'CMB', join(FIXTURES, 'truncated-camt053.xml'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('row 0');
  }, 60_000);
});
