import { reviewCauseSymbols, type ReviewCause as AvroReviewCause } from '@oms/contracts';
import rawCauses from './review-causes.data.json';

/**
 * The Avro `ReviewCause` each domain review cause is filed under, from `review-causes.data.json`.
 * Validated at load time: an unknown target symbol fails the start, not a payment.
 */
export const REVIEW_CAUSE_KINDS: Readonly<Record<string, AvroReviewCause>> = loadReviewCauses(rawCauses);

/** Checks the data file's shape and that every target is a `ReviewCause` symbol. */
export function loadReviewCauses(raw: unknown): Readonly<Record<string, AvroReviewCause>> {
  const causes = (raw as { causes?: unknown } | null)?.causes;
  if (typeof causes !== 'object' || causes === null) throw new Error('review causes: expected { "causes": { "<domain cause>": "<ReviewCause>" } }');
  for (const [cause, kind] of Object.entries(causes)) {
    if (!(reviewCauseSymbols as readonly unknown[]).includes(kind)) throw new Error(`review causes: ${cause} → ${String(kind)} is not a ReviewCause symbol`);
  }
  return Object.freeze({ ...(causes as Record<string, AvroReviewCause>) });
}
