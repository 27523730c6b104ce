import { join } from 'node:path';
import { FIXTURES_DIR, fixtureOptions, ICBC_MAPPING, RECEIVED_AT } from '../testing/statement-fixtures';
import { readStatementFile } from './read-statement-file';

describe('readStatementFile', () => {
  it('reads and parses a CSV file in the stated format', async () => {
    const result = await readStatementFile(join(FIXTURES_DIR, 'icbc-statement-20240618.gbk.csv'), { format: 'csv', ...fixtureOptions, bankCode: 'ICBC', mapping: ICBC_MAPPING });
    expect(result.ok && result.lines).toHaveLength(5);
  });

  it('reads and parses a camt.053 file', async () => {
    const result = await readStatementFile(join(FIXTURES_DIR, 'camt053-statement-20240618.xml'), { format: 'camt053', bankCode: 'CMB', receivedAt: RECEIVED_AT });
    expect(result.ok && result.lines).toHaveLength(4);
  });

  it('rejects when the file does not exist', async () => {
    await expect(readStatementFile(join(FIXTURES_DIR, 'missing.csv'), { format: 'camt053', bankCode: 'CMB', receivedAt: RECEIVED_AT })).rejects.toThrow(/ENOENT/);
  });
});
