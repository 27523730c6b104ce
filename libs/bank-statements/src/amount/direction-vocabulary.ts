import vocabulary from './direction-vocabulary.data.json';

/** Money in (credit, 贷/收入) or out (debit, 借/支出) of the merchant's account. */
export type Direction = 'CREDIT' | 'DEBIT';

/** Words a direction column may hold for each direction. Kept as data: banks keep inventing spellings. */
export interface DirectionWords {
  credit: readonly string[];
  debit: readonly string[];
}

/** The default words of `direction-vocabulary.data.json` (贷/借, 收入/支出, C/D, CRDT/DBIT…). */
export const DEFAULT_DIRECTION_WORDS: DirectionWords = vocabulary;

/**
 * The direction a cell names, or null when it names none. Latin words compare case-insensitively.
 * On a bank statement the account holder's view applies: 贷 (credit) is money in, 借 (debit) out.
 */
export function readDirection(text: string, words: DirectionWords = DEFAULT_DIRECTION_WORDS): Direction | null {
  const cell = text.trim().toUpperCase();
  if (words.credit.some((word) => word.toUpperCase() === cell)) return 'CREDIT';
  if (words.debit.some((word) => word.toUpperCase() === cell)) return 'DEBIT';
  return null;
}
