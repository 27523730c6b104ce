/** A first track sooner than this after shipment scores 100 (DESIGN.md, logistics rules). */
export const CREDIBILITY_FULL_BELOW_MS = 30_000;
/** A first track up to this long after shipment scores 60; later, a manual audit. */
export const CREDIBILITY_PARTIAL_UP_TO_MS = 120_000;

/** A track's credibility: a score, or a manual audit when the first track came too late. */
export type TrackCredibility = { score: 100 | 60; audit: false; gapMs: number } | { score: null; audit: true; gapMs: number };

/**
 * Scores the gap between our `shipped_at` and the carrier's first track: < 30 s → 100,
 * 30–120 s (inclusive) → 60, > 120 s → a manual audit item. The gap is absolute: a first track
 * long *before* we shipped is as doubtful as one long after (the clocks, or the waybill, are wrong).
 *
 * @example
 * trackCredibility(shippedAt, shippedAt + 29_000) // { score: 100, audit: false, gapMs: 29000 }
 */
export function trackCredibility(shippedAtMs: number, firstTrackAtMs: number): TrackCredibility {
  const gapMs = Math.abs(firstTrackAtMs - shippedAtMs);
  if (gapMs < CREDIBILITY_FULL_BELOW_MS) return { score: 100, audit: false, gapMs };
  if (gapMs <= CREDIBILITY_PARTIAL_UP_TO_MS) return { score: 60, audit: false, gapMs };
  return { score: null, audit: true, gapMs };
}
