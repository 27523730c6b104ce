import { parseAmount, parseFenAmount, parseYuanAmount } from './yuan-amount.parser';

describe('parseYuanAmount: yuan text to integer fen, by string arithmetic', () => {
  it.each([
    ['1,234.50', 123_450],
    ['-12.3', -1_230],
    ['12.3', 1_230],
    ['0.29', 29],
    ['0.07', 7],
    ['275', 27_500],
    ['+88.00', 8_800],
    ['¥88', 8_800],
    ['￥1,000,000.01', 100_000_001],
    [' 34.00 ', 3_400],
    ['1234.5000', 123_450],
    ['-0.00', 0],
    ['90071992547409.91', 9_007_199_254_740_991],
  ])('%j → %i fen', (text, fen) => {
    expect(parseYuanAmount(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', /empty amount/],
    ['   ', /empty amount/],
    ['12.345', /more than 2 decimal places/],
    ['12.3401', /more than 2 decimal places/],
    ['12.', /is not a yuan amount/],
    ['.5', /is not a yuan amount/],
    ['1,23.00', /is not a yuan amount/],
    ['1234,567.00', /is not a yuan amount/],
    ['12,3', /is not a yuan amount/],
    ['1.2e3', /is not a yuan amount/],
    ['(12.30)', /is not a yuan amount/],
    ['abc', /is not a yuan amount/],
    ['--1', /is not a yuan amount/],
    ['90071992547409.92', /too large to be exact/],
  ])('refuses %j — an error, never a zero', (text, reason) => {
    const result = parseYuanAmount(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('parseFenAmount', () => {
  it('reads whole fen, signed', () => {
    expect(parseFenAmount('123450')).toEqual({ ok: true, fen: 123_450 });
    expect(parseFenAmount('-1230')).toEqual({ ok: true, fen: -1_230 });
  });

  it.each(['12.30', '1,230', '', 'x'])('refuses %j', (text) => {
    expect(parseFenAmount(text).ok).toBe(false);
  });

  it('parseAmount dispatches on the unit', () => {
    expect(parseAmount('12.30', 'yuan')).toEqual({ ok: true, fen: 1_230 });
    expect(parseAmount('1230', 'fen')).toEqual({ ok: true, fen: 1_230 });
  });
});
