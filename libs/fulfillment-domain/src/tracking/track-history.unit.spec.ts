import fc from 'fast-check';
import { advanceCurrent, consistentHistory, currentTrack, furthestStage, trackEventKey, type HistoryTrack } from './track-history';

const t0 = Date.parse('2024-06-18T16:05:30+08:00');
const track = (code: string, minutes: number, status: HistoryTrack['status']): HistoryTrack => ({ eventKey: trackEventKey('SF', 'SF1', code, t0 + minutes * 60_000), occurredAt: t0 + minutes * 60_000, status });
const pushes = [track('50', 0, 'PICKED_UP'), track('31', 60, 'IN_TRANSIT'), track('44', 600, 'OUT_FOR_DELIVERY'), track('80', 700, 'DELIVERED')];

describe('track history', () => {
  it('holds each event once, in carrier time, whatever the order and repetition of pushes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pushes), { minLength: pushes.length * 2 }).map((extra) => [...pushes, ...extra]), fc.func(fc.integer()), (received, rank) => {
        const shuffled = [...received].sort((a, b) => rank(a.eventKey) - rank(b.eventKey));
        expect(consistentHistory(shuffled).map((entry) => entry.eventKey)).toEqual(pushes.map((entry) => entry.eventKey));
        expect(currentTrack(shuffled)?.status).toBe('DELIVERED');
      }),
    );
  });

  it('keeps the current status when an older event arrives late', () => {
    expect(currentTrack([pushes[2], pushes[0]])?.status).toBe('OUT_FOR_DELIVERY');
  });

  it('ignores unmapped events for the current status and the stage', () => {
    const unknown = { ...track('999', 800, null) };
    expect(currentTrack([pushes[1], unknown])?.status).toBe('IN_TRANSIT');
    expect(furthestStage([pushes[1], unknown])).toBe('SHIPPED');
  });

  it('never moves the stage back on an exception after delivery', () => {
    expect(furthestStage([pushes[3], track('99', 800, 'EXCEPTION')])).toBe('DELIVERED');
  });

  it('advancing the current event push by push ends where the whole history does', () => {
    const unknown = track('999', 800, null);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pushes, unknown), { maxLength: 20 }), (received) => {
        const incremental = received.reduce<HistoryTrack | undefined>((current, push) => advanceCurrent(current, [push]), undefined);
        expect(incremental).toBe(currentTrack(received));
        expect(received.reduce((stage, push) => furthestStage([push], stage), furthestStage([]))).toBe(furthestStage(received));
      }),
    );
  });
});
