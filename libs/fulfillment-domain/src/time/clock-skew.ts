/** Two of our own clocks further apart than this are flagged (issue 6: "more than 100 ms apart where both sides are ours"). */
export const CLOCK_SKEW_TOLERANCE_MS = 100;

/**
 * One round trip to another clock of ours (e.g. PostgreSQL's `clock_timestamp()`), all epoch ms:
 * `sentAt` and `receivedAt` on the local clock around the request, `remoteAt` the remote clock's
 * reading, taken somewhere inside that interval.
 */
export interface RoundTripProbe {
  sentAt: number;
  remoteAt: number;
  receivedAt: number;
}

/**
 * What a comparison of two clocks concluded. `skewMs` is how far the remote clock is ahead of the
 * local one (negative: behind); the true skew lies within `skewMs ± uncertaintyMs`. `flagged` only
 * when even the most favourable reading of the uncertainty leaves more than the tolerance.
 */
export interface ClockSkewVerdict {
  skewMs: number;
  uncertaintyMs: number;
  flagged: boolean;
}

/**
 * Skew from a round trip, as NTP estimates it: the remote reading is compared with the midpoint of
 * the round trip, `skew = remoteAt − (sentAt + receivedAt) / 2`. Network and queueing delay only
 * widen the interval the remote reading could have been taken in (± rtt/2); they are never taken
 * for skew, so a slow round trip makes the check less sensitive, never wrong:
 * flagged when `|skew| − rtt/2 > toleranceMs`.
 *
 * @example
 * roundTripSkew({ sentAt: 1_000, remoteAt: 1_260, receivedAt: 1_020 }) // { skewMs: 250, uncertaintyMs: 10, flagged: true }
 */
export function roundTripSkew(probe: RoundTripProbe, toleranceMs = CLOCK_SKEW_TOLERANCE_MS): ClockSkewVerdict {
  const roundTripMs = probe.receivedAt - probe.sentAt;
  if (!(roundTripMs >= 0)) throw new RangeError(`a round trip cannot end before it starts (sent ${probe.sentAt}, received ${probe.receivedAt})`);
  const skewMs = probe.remoteAt - (probe.sentAt + probe.receivedAt) / 2;
  const uncertaintyMs = roundTripMs / 2;
  return { skewMs, uncertaintyMs, flagged: Math.abs(skewMs) - uncertaintyMs > toleranceMs };
}

/**
 * Skew from one message travelling one way (a Kafka record stamped with its producer's wall clock,
 * read by us): `receivedAt − stampedAt` is delay minus skew, and delay is never negative. So a stamp
 * from our future proves the producer's clock ahead of ours by at least that much, while a stamp
 * from our past may be queueing and proves nothing: only the first can be flagged.
 * `skewMs` is the proven lower bound (0 when nothing is proven); `uncertaintyMs` is unbounded.
 *
 * @example
 * oneWaySkew(10_250, 10_000) // { skewMs: 250, uncertaintyMs: Infinity, flagged: true }
 * oneWaySkew(9_000, 10_000)  // a second of delay, or of skew: { skewMs: 0, uncertaintyMs: Infinity, flagged: false }
 */
export function oneWaySkew(stampedAt: number, receivedAt: number, toleranceMs = CLOCK_SKEW_TOLERANCE_MS): ClockSkewVerdict {
  const aheadMs = Math.max(0, stampedAt - receivedAt);
  return { skewMs: aheadMs, uncertaintyMs: Infinity, flagged: aheadMs > toleranceMs };
}
