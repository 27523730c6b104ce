import { fixtureOptions, readFixture, SIMPLE_MAPPING } from '../testing/statement-fixtures';
import { parseCsvStatement, type CsvStatementOptions } from './csv-statement.parser';

const options: CsvStatementOptions = { ...fixtureOptions, bankCode: 'TEST', mapping: SIMPLE_MAPPING };
const csv = (text: string) => Buffer.from(text, 'utf8');
const HEADER = 'time,transaction_id,out_trade_no,amount,counterparty\n';

describe('a CSV file with a bad row', () => {
  it('bad amount on row 7: the row number and reason are reported, and nothing of the file is imported', () => {
    const result = parseCsvStatement(readFixture('bad-amount-row7.csv'), options);
    expect(result).toEqual({
      ok: false,
      fileFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      badRows: [{ rowNumber: 7, sourceLine: 7, reason: 'amount: "12.345" has more than 2 decimal places' }],
    });
    expect('lines' in result).toBe(false);
  });

  it('with skipBadRows: every other row is imported and the bad row is listed', () => {
    const result = parseCsvStatement(readFixture('bad-amount-row7.csv'), { ...options, skipBadRows: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lines.map((line) => [line.rowNumber, line.record.amount])).toEqual([
      [2, 1_000], [3, 123_450], [4, -1_230], [5, 8_800], [6, 29], [8, 9_990],
    ]);
    expect(result.skippedRows).toEqual([{ rowNumber: 7, sourceLine: 7, reason: 'amount: "12.345" has more than 2 decimal places' }]);
  });

  it('bad dates: every bad row is listed with every bad field; an empty amount is an error, not zero', () => {
    expect(parseCsvStatement(readFixture('bad-date.csv'), options)).toMatchObject({
      ok: false,
      badRows: [
        { rowNumber: 3, reason: 'time: impossible time "2024-02-30 10:00:00": day 30 does not exist in 2024-02' },
        { rowNumber: 5, reason: 'amount: empty amount; time: impossible time "2024-06-18T25:00:00": hour or minute out of range' },
      ],
    });
  });

  it('a row with a field missing or one too many is bad (its columns would be shifted)', () => {
    const text = `${HEADER}2024-06-18 09:00:01,4200000001,OMS1,10.00\n2024-06-18 09:00:02,4200000002,OMS2,10.00,财付通,extra\n2024-06-18 09:00:03,4200000003,OMS3,10.00,财付通,\n`;
    expect(parseCsvStatement(csv(text), { ...options, skipBadRows: true })).toMatchObject({
      ok: true,
      lines: [{ rowNumber: 4 }],
      skippedRows: [
        { rowNumber: 2, reason: 'row has 4 fields, the header has 5' },
        { rowNumber: 3, reason: 'row has 6 fields, the header has 5' },
      ],
    });
  });

  it('an unclosed quote refuses the file as a whole', () => {
    expect(parseCsvStatement(csv(`${HEADER}2024-06-18 09:00:01,42,OMS1,"10.00,财付通\n`), options)).toMatchObject({
      ok: false,
      badRows: [{ rowNumber: 0, reason: expect.stringMatching(/^not readable as CSV: Quote Not Closed/) }],
    });
  });

  it('a file without the mapped header is refused and names the missing columns', () => {
    expect(parseCsvStatement(csv('日期,金额\n2024-06-18,1.00\n'), options)).toMatchObject({
      ok: false,
      badRows: [{ rowNumber: 0, reason: 'no header row with the mapped columns; missing: amount, time, transaction_id, out_trade_no, counterparty' }],
    });
  });
});

describe('content-derived ids for rows without a bank reference', () => {
  const twice = `${HEADER}2024-06-18 09:00:01,,,10.00,张三\n2024-06-18 09:00:01,,,10.00,张三\n2024-06-18 09:00:01,,,10.00,李四\n`;

  it('two identical rows stay two lines with two ids; a re-import maps them 1:1', () => {
    const first = parseCsvStatement(csv(twice), options);
    const again = parseCsvStatement(csv(twice), options);
    const ids = first.ok ? first.lines.map((line) => line.lineId) : [];
    expect(new Set(ids).size).toBe(3);
    expect(again.ok && again.lines.map((line) => line.lineId)).toEqual(ids);
  });

  it('the id does not depend on the receive time or the row position', () => {
    const first = parseCsvStatement(csv(twice), options);
    const moved = parseCsvStatement(csv(`${HEADER}\n\n${twice.slice(HEADER.length)}`), { ...options, receivedAt: 0 });
    expect(moved.ok && moved.lines.map((line) => line.lineId)).toEqual(first.ok && first.lines.map((line) => line.lineId));
    expect(moved.ok && moved.lines.map((line) => line.record.bankTransactionRef)).toEqual(moved.ok && moved.lines.map((line) => line.lineId));
  });
});
