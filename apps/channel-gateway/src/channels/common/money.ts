const DECIMAL_TEXT = /^(0|[1-9]\d{0,12})(?:\.(\d{1,2}))?$/;

/**
 * Exact decimal text ("128.00", "20.5", "0") → minor units, or null. Shopify writes money as such
 * strings; converting through a float would lose cents (0.29 × 100 = 28.999…).
 */
export function decimalTextToMinor(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = DECIMAL_TEXT.exec(value);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * A yuan amount sent as a JSON number (Pinduoduo: `goods_price: 128.0`) → fen, or null when it is
 * negative, not finite or has more than two decimals. The check tolerates only the float noise of
 * a two-decimal value, so 12.345 is refused rather than rounded.
 */
export function yuanNumberToFen(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  const fen = Math.round(value * 100);
  return Math.abs(value * 100 - fen) < 1e-6 && Number.isSafeInteger(fen) ? fen : null;
}

/** An integer amount already in fen (Douyin, our mini-program), or null. */
export function integerFen(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
