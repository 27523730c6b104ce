import { NOT_PLACED } from '../model/order-status';
import { OrderStateMachine } from './order-state-machine';
import { ORDER_TRANSITIONS, type TransitionRow } from './order-transitions';
import { renderStateDiagram, renderTransitionTable } from './state-diagram.renderer';

describe('renderStateDiagram', () => {
  const diagram = renderStateDiagram();

  it('is a Mermaid state diagram starting at [*]', () => {
    expect(diagram.split('\n')[0]).toBe('stateDiagram-v2');
    expect(diagram).toContain('    [*] --> pending_payment : PlaceOrder');
  });

  it('draws an arrow, labelled with its command, for every row that changes the state', () => {
    for (const row of ORDER_TRANSITIONS.filter((r) => r.from !== r.to)) {
      const from = row.from === NOT_PLACED ? '\\[\\*\\]' : row.from;
      expect(diagram).toMatch(new RegExp(`^    ${from} --> ${row.to} : .*\\b${row.command}\\b`, 'm'));
    }
  });

  it('names every command that stays in a state, once per state or once for all', () => {
    for (const row of ORDER_TRANSITIONS.filter((r) => r.from === r.to)) {
      expect(diagram).toMatch(new RegExp(`note (right of ${row.from}|left of pending_payment : every placed state) .*\\b${row.command}\\b`));
    }
    expect(diagram).toContain('note right of dispatch_planned : also RecordDispatchPlan, ChangeAddress (no state change)');
  });

  it('ends completed and closed at [*]', () => {
    expect(diagram).toContain('    completed --> [*]');
    expect(diagram).toContain('    closed --> [*]');
    expect(diagram).not.toContain('    refunding --> [*]');
  });

  it('follows the table it is given', () => {
    const rows: TransitionRow[] = [
      { from: NOT_PLACED, command: 'PlaceOrder', to: 'pending_payment', why: 'x' },
      { from: 'pending_payment', command: 'CancelOrder', to: 'closed', why: 'y' },
    ];
    expect(renderStateDiagram(new OrderStateMachine(rows))).toBe(
      ['stateDiagram-v2', '    [*] --> pending_payment : PlaceOrder', '    pending_payment --> closed : CancelOrder', '    closed --> [*]'].join('\n'),
    );
  });
});

describe('renderTransitionTable', () => {
  it('has one Markdown row per table row, with its reason', () => {
    const table = renderTransitionTable().split('\n');
    expect(table).toHaveLength(ORDER_TRANSITIONS.length + 2);
    expect(table[2]).toBe(`| \`not_placed\` | \`PlaceOrder\` | \`pending_payment\` | ${ORDER_TRANSITIONS[0].why} |`);
  });
});
