// Alipay writes money as yuan text with at most two decimals ("88.88", "0.01", "120"); the
// backbone keeps integer fen. Converting through floats loses cents (0.29 * 100 = 28.999…), so
// the conversion is done on the digits.
const YUAN_TEXT = /^(0|[1-9]\d{0,11})(?:\.(\d{1,2}))?$/;

/**
 * Exact yuan text → fen, or null when the text is not a plain non-negative amount with at most
 * two decimals (no sign, exponent, spaces or thousands separators).
 *
 * @example
 * yuanTextToFen('88.8'); // 8880
 * yuanTextToFen('1e3');  // null
 */
export function yuanTextToFen(text: string): number | null {
  const match = YUAN_TEXT.exec(text);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(fraction);
}

/** Fen → yuan text with exactly two decimals, as Alipay writes `total_amount`. */
export function fenToYuanText(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
