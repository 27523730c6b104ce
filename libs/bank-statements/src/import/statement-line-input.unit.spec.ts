import { parseCsvStatement } from '../csv/csv-statement.parser';
import { CMB_MAPPING, fixtureOptions, readFixture } from '../testing/statement-fixtures';
import { bankLineOfInput, lineIdOfRecord } from './statement-line-input';
import { toBankLine } from './to-bank-line';

describe('kept statement lines', () => {
  const imported = parseCsvStatement(readFixture('cmb-statement-20240618.utf8-bom.csv'), { ...fixtureOptions, bankCode: 'CMB', mapping: CMB_MAPPING });
  if (!imported.ok) throw new Error('fixture should parse');

  it('gives a line from the topic the id the file import gives the same bank reference, so a line seen both ways is one', () => {
    for (const line of imported.lines) expect(lineIdOfRecord(line.record)).toBe(line.lineId);
  });

  it('reads a file line with the precision the file wrote, and a topic line from its record, under the stored id', () => {
    const [line] = imported.lines;
    expect(bankLineOfInput({ source: 'file', line: line! }, 'stored-id')).toEqual({ ...toBankLine(line!), lineId: 'stored-id' });
    const fromTopic = bankLineOfInput({ source: 'topic', record: line!.record }, 'stored-id');
    expect(fromTopic).toEqual(expect.objectContaining({ lineId: 'stored-id', amount: line!.record.amount, bankTransactionRef: line!.record.bankTransactionRef }));
    expect(fromTopic.time.epochMs).toBe(line!.record.transactedAt);
  });
});
