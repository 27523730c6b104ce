import { createHash } from 'node:crypto';

/** What a line's id is derived from: the bank's own reference, or the normalised row. */
export type LineIdentity =
  | { kind: 'bank-ref'; bankCode: string; bankTransactionRef: string }
  | { kind: 'content'; bankCode: string; normalisedRow: string; occurrence: number };

const digest = (text: string): string => `bsl-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32)}`;

/**
 * The stable id of a statement line. With a bank reference (交易流水号) the id depends on the bank
 * and that reference only, so the same line in an overlapping export gets the same id too.
 * Without one, it hashes the normalised row plus its occurrence among identical rows of the file
 * (two genuine ¥10.00 payments in the same second stay two lines; a re-import still maps 1:1).
 */
export function lineIdOf(identity: LineIdentity): string {
  if (identity.kind === 'bank-ref') return digest(`ref\u001f${identity.bankCode}\u001f${identity.bankTransactionRef}`);
  return digest(`row\u001f${identity.bankCode}\u001f${identity.normalisedRow}\u001f#${identity.occurrence}`);
}
