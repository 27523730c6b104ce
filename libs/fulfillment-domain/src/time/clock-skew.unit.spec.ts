import { oneWaySkew, roundTripSkew } from './clock-skew';

const t = Date.parse('2026-11-30T12:00:00+08:00');

describe('roundTripSkew (skew = remote − midpoint, flagged when |skew| − rtt/2 > 100 ms)', () => {
  it.each([
    // rtt 0: the reading is exact, 100 ms is tolerated, 101 ms is not
    [{ sentAt: t, remoteAt: t + 100, receivedAt: t }, 100, false],
    [{ sentAt: t, remoteAt: t + 101, receivedAt: t }, 101, true],
    [{ sentAt: t, remoteAt: t - 101, receivedAt: t }, -101, true],
    // rtt 40 ms: midpoint t+20; the remote clock 150 ms ahead of it is more than 100 + 20
    [{ sentAt: t, remoteAt: t + 170, receivedAt: t + 40 }, 150, true],
    [{ sentAt: t, remoteAt: t + 140, receivedAt: t + 40 }, 120, false],
  ])('given %j, the skew is %i ms and flagged is %s', (probe, skewMs, flagged) => {
    expect(roundTripSkew(probe)).toEqual({ skewMs, uncertaintyMs: (probe.receivedAt - probe.sentAt) / 2, flagged });
  });

  it('does not take a slow round trip for skew: 900 ms in a queue, clocks agreeing', () => {
    // The remote clock read its own time the moment the request arrived (after 850 ms of queueing).
    expect(roundTripSkew({ sentAt: t, remoteAt: t + 850, receivedAt: t + 900 })).toMatchObject({ skewMs: 400, uncertaintyMs: 450, flagged: false });
  });

  it('flags a skew that no delay can explain even on a slow round trip', () => {
    expect(roundTripSkew({ sentAt: t, remoteAt: t + 2_000, receivedAt: t + 900 }).flagged).toBe(true);
  });

  it('takes the tolerance as configured', () => {
    expect(roundTripSkew({ sentAt: t, remoteAt: t + 60, receivedAt: t }, 50).flagged).toBe(true);
  });

  it('rejects a probe whose answer came back before it was sent (the local clock jumped)', () => {
    expect(() => roundTripSkew({ sentAt: t, remoteAt: t, receivedAt: t - 1 })).toThrow(RangeError);
  });
});

describe('oneWaySkew (a producer stamp against our receive time)', () => {
  it.each([
    [t + 100, false, 100],
    [t + 101, true, 101],
    [t - 5_000, false, 0], // five seconds old: queueing or skew, nothing proven
  ])('a stamp at t%+i ms read at t: flagged %s, proven skew %i ms', (stampedAt, flagged, skewMs) => {
    expect(oneWaySkew(stampedAt, t)).toEqual({ skewMs, uncertaintyMs: Infinity, flagged });
  });
});
