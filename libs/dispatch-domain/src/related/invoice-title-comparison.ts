import rawTitleTable from './invoice-title-normalisation.data.json';
import { textPairs } from './data-table';
import { isMoreSimilarThan, textSimilarity, type SimilarityScore } from './string-similarity';
import { normaliseText } from './text-normaliser';

/** The invoice-title signal of a related-orders pair. */
export type InvoiceTitleComparison =
  | (SimilarityScore & { readonly compared: true; readonly normalised: readonly [string, string]; readonly passes: boolean })
  | { readonly compared: false; readonly absent: 'BOTH' | 'ONE'; readonly passes: boolean };

const ABBREVIATIONS = textPairs(rawTitleTable.abbreviations, 'invoice-title-normalisation.data.json abbreviations').map(
  ([from, to]) => [normaliseText(from), normaliseText(to)] as const,
);

/**
 * The comparable form of an invoice title (发票抬头): text normalisation (full-width brackets,
 * spaces) plus the company-form abbreviations of `invoice-title-normalisation.data.json`.
 *
 * @example
 * normaliseInvoiceTitle('杭州某某科技有限责任公司'); // '杭州某某科技有限公司'
 */
export function normaliseInvoiceTitle(title: string): string {
  return ABBREVIATIONS.reduce((text, [from, to]) => text.split(from).join(to), normaliseText(title));
}

/**
 * Scores two invoice titles. Absent titles are not scored: one absent never passes; both absent
 * passes only under `IGNORE` (related-orders-policy.data.json).
 */
export function compareInvoiceTitles(
  a: string | null,
  b: string | null,
  thresholdPercent: number,
  whenBothAbsent: 'IGNORE' | 'UNRELATED',
): InvoiceTitleComparison {
  return compareNormalisedTitles(titleOrEmpty(a), titleOrEmpty(b), thresholdPercent, whenBothAbsent);
}

/** The normalised title, or '' when there is none. */
export function titleOrEmpty(title: string | null): string {
  return title === null ? '' : normaliseInvoiceTitle(title);
}

/** `compareInvoiceTitles` for titles already normalised ('' = absent). */
export function compareNormalisedTitles(left: string, right: string, thresholdPercent: number, whenBothAbsent: 'IGNORE' | 'UNRELATED'): InvoiceTitleComparison {
  if (left === '' && right === '') return { compared: false, absent: 'BOTH', passes: whenBothAbsent === 'IGNORE' };
  if (left === '' || right === '') return { compared: false, absent: 'ONE', passes: false };
  const similarity = textSimilarity(left, right);
  return { ...similarity, compared: true, normalised: [left, right], passes: isMoreSimilarThan(similarity, thresholdPercent) };
}
