import { distance } from 'fastest-levenshtein';

/** A similarity with the numbers it came from, so a plan can show exactly why it scored so. */
export interface SimilarityScore {
  /** Levenshtein distance (fastest-levenshtein), in UTF-16 code units. */
  readonly distance: number;
  /** Length of the longer text. */
  readonly maxLength: number;
  /** 1 − distance / maxLength; 1 for two empty texts. For display — decisions use the integers. */
  readonly score: number;
}

/**
 * Similarity of two already-normalised texts: 1 − distance / max(length). The edit distance is
 * the well-kept `fastest-levenshtein` package's, not a hand-written one (issue 5).
 *
 * @example
 * textSimilarity('abcdefghij', 'abcdefghiX'); // { distance: 1, maxLength: 10, score: 0.9 }
 */
export function textSimilarity(a: string, b: string): SimilarityScore {
  const maxLength = Math.max(a.length, b.length);
  if (maxLength === 0) return { distance: 0, maxLength: 0, score: 1 };
  const edits = distance(a, b);
  return { distance: edits, maxLength, score: 1 - edits / maxLength };
}

/**
 * Whether `similarity` is MORE than `percent` % — "相似度>85%": exactly 85% is not related. Decided
 * in integers, (maxLength − distance) × 100 > percent × maxLength, so the boundary never rests on
 * how a float such as 1 − 3/20 happens to round, whatever percent an operator sets.
 */
export function isMoreSimilarThan(similarity: SimilarityScore, percent: number): boolean {
  if (similarity.maxLength === 0) return true;
  return (similarity.maxLength - similarity.distance) * 100 > percent * similarity.maxLength;
}
