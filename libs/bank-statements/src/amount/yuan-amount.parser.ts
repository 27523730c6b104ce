/**
 * Amounts to integer fen, by string arithmetic only. Money is integer minor units (DESIGN.md);
 * parseFloat('0.29') * 100 is 28.999999999999996, which is how statements stop matching orders.
 */

/** How a column writes money: yuan decimal text (`1,234.50`, `-12.3`) or integer fen (`123450`). */
export type AmountUnit = 'yuan' | 'fen';

/** Parsed signed fen, or why the text is not an amount. */
export type AmountResult = { ok: true; fen: number } | { ok: false; reason: string };

// Optional sign, optional ¥/￥, digits with correct thousands grouping or none, optional fraction.
const YUAN = /^([+-]?)[¥￥]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const FEN = /^([+-]?)(\d+)$/;

const fail = (reason: string): AmountResult => ({ ok: false, reason });

function toFen(sign: string, digits: string): AmountResult {
  const fen = Number(digits);
  if (!Number.isSafeInteger(fen)) return fail(`${digits} fen is too large to be exact`);
  return { ok: true, fen: sign === '-' && fen !== 0 ? -fen : fen };
}

/**
 * Parses yuan text to fen: `1,234.50` → 123450, `-12.3` → -1230, `¥88` → 8800. Refused:
 * empty text, a third non-zero decimal (`12.345` is not a whole number of fen), misplaced
 * thousands separators, `12.`, `.5`, and anything else that is not plainly a number.
 *
 * @example
 * parseYuanAmount('1,234.50'); // { ok: true, fen: 123450 }
 */
export function parseYuanAmount(text: string): AmountResult {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty amount');
  const match = YUAN.exec(trimmed);
  if (!match) return fail(`${JSON.stringify(text)} is not a yuan amount`);
  const [, sign, integer, fraction = ''] = match;
  // Trailing zeros past the fen are exact (some exports write 1234.5000); anything else is not.
  if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2))) return fail(`${JSON.stringify(text)} has more than 2 decimal places`);
  return toFen(sign, `${integer.replace(/,/g, '')}${fraction.slice(0, 2).padEnd(2, '0')}`);
}

/** Parses integer fen text: `123450`, `-1230`. Refuses decimals, separators and blanks. */
export function parseFenAmount(text: string): AmountResult {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty amount');
  const match = FEN.exec(trimmed);
  if (!match) return fail(`${JSON.stringify(text)} is not a whole number of fen`);
  return toFen(match[1], match[2]);
}

/** Parses an amount in the given unit. */
export function parseAmount(text: string, unit: AmountUnit): AmountResult {
  return unit === 'yuan' ? parseYuanAmount(text) : parseFenAmount(text);
}
