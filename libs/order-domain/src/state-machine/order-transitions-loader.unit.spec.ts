import { loadTransitionTable } from './order-transitions';

const row = { from: 'paid', command: 'CancelOrder', to: 'refunding', why: 'compensation' };

describe('loadTransitionTable', () => {
  it('returns typed, frozen rows for valid data', () => {
    const rows = loadTransitionTable({ transitions: [row] });
    expect(rows).toEqual([row]);
    expect(Object.isFrozen(rows[0])).toBe(true);
  });

  it('names every problem of a bad edit at once', () => {
    const bad = {
      transitions: [
        { ...row, from: 'payed' },
        { ...row, command: 'PayOrder' },
        { ...row, to: 'not_placed' },
        { ...row, why: ' ' },
        row,
        row,
      ],
    };
    expect(() => loadTransitionTable(bad)).toThrow(
      /row 0: unknown from state "payed"[\s\S]*row 1: unknown command "PayOrder"[\s\S]*row 2: unknown to state "not_placed"[\s\S]*row 3: "why" must explain[\s\S]*row 5: duplicate row paid\|CancelOrder\|refunding/,
    );
  });

  it('refuses data without a transitions list', () => {
    expect(() => loadTransitionTable({ rows: [] })).toThrow(/expected \{ "transitions"/);
    expect(() => loadTransitionTable(null)).toThrow(/expected/);
  });
});
