import { normaliseAddress, type ComparableAddress, type NormalisedAddress } from './address-normaliser';
import { isMoreSimilarThan, textSimilarity, type SimilarityScore } from './string-similarity';

/** The address signal of a related-orders pair. */
export interface AddressComparison extends SimilarityScore {
  /** The two comparable texts the score was computed on. */
  readonly normalised: readonly [string, string];
  /** The first region level (after normalisation) that differs; a level empty on either side is not compared. */
  readonly differingLevel: 'province' | 'city' | 'district' | null;
  /** Regions agree AND the similarity is more than the threshold. */
  readonly passes: boolean;
}

const LEVELS = ['province', 'city', 'district'] as const;

/**
 * Scores two shipping addresses: similarity of the normalised whole (province + city + district +
 * detail). Region levels come from the channel's pickers, so a different district is a different
 * place even when the street text is alike — such a pair never passes, whatever its score.
 */
export function compareAddresses(a: ComparableAddress, b: ComparableAddress, thresholdPercent: number): AddressComparison {
  return compareNormalisedAddresses(normaliseAddress(a), normaliseAddress(b), thresholdPercent);
}

/** `compareAddresses` for addresses already normalised (grouping normalises each order once). */
export function compareNormalisedAddresses(left: NormalisedAddress, right: NormalisedAddress, thresholdPercent: number): AddressComparison {
  const similarity = textSimilarity(left.comparable, right.comparable);
  const differingLevel = LEVELS.find((level) => differs(left, right, level)) ?? null;
  return {
    ...similarity,
    normalised: [left.comparable, right.comparable],
    differingLevel,
    passes: differingLevel === null && isMoreSimilarThan(similarity, thresholdPercent),
  };
}

function differs(a: NormalisedAddress, b: NormalisedAddress, level: (typeof LEVELS)[number]): boolean {
  return a[level] !== '' && b[level] !== '' && a[level] !== b[level];
}
