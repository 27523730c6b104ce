import { readDirection } from '../amount/direction-vocabulary';
import { readCsvAmount } from './csv-amount.reader';
import type { AmountMapping } from './csv-column-mapping';

const cells = (values: Record<string, string>) => (name: string) => values[name]?.trim() || null;

describe('readDirection', () => {
  it.each([
    ['贷', 'CREDIT'], ['收入', 'CREDIT'], ['CRDT', 'CREDIT'], ['cr', 'CREDIT'],
    ['借', 'DEBIT'], ['支出', 'DEBIT'], ['DBIT', 'DEBIT'], [' D ', 'DEBIT'],
    ['转账', null], ['', null],
  ])('%j → %s', (text, direction) => {
    expect(readDirection(text)).toBe(direction);
  });

  it('takes other words when a bank spells them differently', () => {
    expect(readDirection('进', { credit: ['进'], debit: ['出'] })).toBe('CREDIT');
  });
});

describe('readCsvAmount', () => {
  const directed: AmountMapping = { column: '发生额', unit: 'yuan', direction: { column: '借贷标志' } };
  const split: AmountMapping = { creditColumn: '收入', debitColumn: '支出', unit: 'yuan' };

  it.each([
    [{ 发生额: '275.00', 借贷标志: '贷' }, 27_500],
    [{ 发生额: '34.00', 借贷标志: '借' }, -3_400],
    [{ 发生额: '-34.00', 借贷标志: '借' }, -3_400],
  ])('amount with a direction column: %j → %i', (row, fen) => {
    expect(readCsvAmount(cells(row), directed)).toEqual({ ok: true, fen });
  });

  it.each([
    [{ 发生额: '-34.00', 借贷标志: '贷' }, /negative amount "-34.00" marked as credit/],
    [{ 发生额: '34.00', 借贷标志: '转' }, /neither credit nor debit/],
    [{ 发生额: '', 借贷标志: '贷' }, /empty amount/],
  ])('refuses %j', (row, reason) => {
    const result = readCsvAmount(cells(row), directed);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it.each([
    [{ 收入: '275.00', 支出: '' }, 27_500],
    [{ 收入: '0.00', 支出: '34.00' }, -3_400],
    [{ 收入: '', 支出: '-34.00' }, -3_400],
  ])('credit and debit columns: %j → %i', (row, fen) => {
    expect(readCsvAmount(cells(row), split)).toEqual({ ok: true, fen });
  });

  it.each([
    [{ 收入: '1.00', 支出: '2.00' }, /both a credit and a debit/],
    [{ 收入: '', 支出: '' }, /no amount in either/],
    [{ 收入: '0.00', 支出: '0.00' }, /no amount in either/],
    [{ 收入: '-1.00', 支出: '' }, /negative credit/],
    [{ 收入: '1.005', 支出: '' }, /credit .* more than 2 decimal places/],
  ])('refuses %j', (row, reason) => {
    const result = readCsvAmount(cells(row), split);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('a signed column alone keeps its sign', () => {
    expect(readCsvAmount(cells({ amount: '-12.3' }), { column: 'amount', unit: 'yuan' })).toEqual({ ok: true, fen: -1_230 });
  });
});
