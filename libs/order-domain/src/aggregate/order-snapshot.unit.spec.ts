import fc from 'fast-check';
import type { OrderEvent } from '../events/order-event';
import { decide } from '../decision/decide';
import { commandSequence } from '../testing/order-command.arbitrary';
import { historyTo } from '../testing/order-histories';
import { rebuild } from './order.aggregate';
import { fromSnapshot, ORDER_SNAPSHOT_VERSION, snapshot, type OrderSnapshot } from './order-snapshot';
import { initialState } from './order-state';

function eventsOf(commands: Parameters<typeof decide>[0][]): OrderEvent[] {
  return commands.reduce<OrderEvent[]>((events, command) => {
    const decision = decide(command, rebuild(events));
    return decision.outcome === 'accepted' ? [...events, ...decision.events] : events;
  }, []);
}

describe('snapshots', () => {
  it('carry their layout version and stream version', () => {
    const state = rebuild(historyTo('paid'));
    expect(snapshot(state)).toMatchObject({ snapshotVersion: ORDER_SNAPSHOT_VERSION, streamVersion: state.version });
  });

  it('of another layout version are ignored (the caller replays everything)', () => {
    const stored = snapshot(rebuild(historyTo('paid')));
    expect(fromSnapshot({ ...stored, snapshotVersion: ORDER_SNAPSHOT_VERSION + 1 })).toBeNull();
    expect(fromSnapshot({ ...stored, streamVersion: stored.streamVersion + 1 })).toBeNull();
  });

  it('are copies: changing one side does not leak into the other', () => {
    const state = rebuild(historyTo('paid'));
    const stored = snapshot(state);
    (stored.state.lines[0] as { quantity: number }).quantity = 99;
    expect(state.lines[0].quantity).toBe(2);
  });

  it('property: rebuild from a JSON snapshot + the tail equals the full replay', () => {
    fc.assert(
      fc.property(commandSequence, fc.nat(), (commands, cut) => {
        const events = eventsOf(commands);
        const at = events.length === 0 ? 0 : cut % (events.length + 1);
        const stored = JSON.parse(JSON.stringify(snapshot(rebuild(events.slice(0, at))))) as OrderSnapshot;
        const restored = fromSnapshot(stored) ?? initialState;
        expect(restored.version).toBe(at);
        expect(rebuild(events.slice(at), restored)).toEqual(rebuild(events));
      }),
      { numRuns: 200 },
    );
  });
});
