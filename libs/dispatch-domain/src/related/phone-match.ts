import { parsePhone, PHONE_TABLE, type ParsedPhone, type PhoneKind } from './phone-number.parser';

/**
 * How two phones compare. `EQUAL`: same normalised number and extension. `VISIBLE_DIGITS_AGREE`:
 * at least one side is masked, lengths and extensions agree, and every digit visible on both
 * sides agrees (at least `minVisibleDigitsInCommon` of them). `DIFFERENT`: a visible digit,
 * the length or the extension disagrees. `NOT_COMPARABLE`: a privacy number against a real one,
 * an unrecognised phone, or masks that leave too few digits in common.
 */
export type PhoneMatchOutcome = 'EQUAL' | 'VISIBLE_DIGITS_AGREE' | 'DIFFERENT' | 'NOT_COMPARABLE';

/** The phone signal of a related-orders pair, as a plan records it (numbers shown masked only). */
export interface PhoneComparison {
  readonly outcome: PhoneMatchOutcome;
  /** 1 for EQUAL or VISIBLE_DIGITS_AGREE, else 0: phones match or they do not — there is no partial score. */
  readonly score: 0 | 1;
  readonly kinds: readonly [PhoneKind, PhoneKind];
  /** Both phones as shown in the plan: first 3 and last 4 digits, the rest masked, plus any extension. */
  readonly shown: readonly [string, string];
  /** Digits visible on both sides that were compared (0 when not comparable). */
  readonly digitsCompared: number;
  readonly reason: string;
}

/**
 * Compares two consignee phones exactly, or by the digits visible on both when masked — NEVER by
 * a fuzzy string distance (issue 5: 189****1234 and 189****1284 are two people, however "similar").
 *
 * @example
 * comparePhones('189****1234', '18912341234').outcome; // 'VISIBLE_DIGITS_AGREE'
 * comparePhones('13800138000-1234', '13800138000').outcome; // 'NOT_COMPARABLE'
 */
export function comparePhones(a: string, b: string): PhoneComparison {
  return compareParsedPhones(parsePhone(a), parsePhone(b));
}

/** `comparePhones` for phones already parsed (grouping parses each order's phone once). */
export function compareParsedPhones(left: ParsedPhone, right: ParsedPhone): PhoneComparison {
  const result = (outcome: PhoneMatchOutcome, digitsCompared: number, reason: string): PhoneComparison => ({
    outcome, score: outcome === 'EQUAL' || outcome === 'VISIBLE_DIGITS_AGREE' ? 1 : 0, kinds: [left.kind, right.kind],
    shown: [shownPhone(left), shownPhone(right)], digitsCompared, reason,
  });
  if (left.kind === 'UNRECOGNISED' || right.kind === 'UNRECOGNISED') return result('NOT_COMPARABLE', 0, 'a phone is in no known form');
  if ((left.extension === null) !== (right.extension === null)) {
    return result('NOT_COMPARABLE', 0, 'a privacy number (with extension) cannot be compared with a real number');
  }
  if (left.extension !== right.extension) return result('DIFFERENT', 0, 'the privacy-number extensions differ');
  if (left.number.length !== right.number.length) return result('DIFFERENT', 0, 'the numbers have different lengths');
  const { agree, compared } = visibleDigits(left.number, right.number);
  if (!agree) return result('DIFFERENT', compared, 'a digit visible on both sides differs');
  const masked = left.number.includes('*') || right.number.includes('*');
  if (!masked) return result('EQUAL', compared, 'same number');
  if (compared < PHONE_TABLE.minVisibleDigitsInCommon) {
    return result('NOT_COMPARABLE', compared, `only ${compared} digits are visible on both sides (need ${PHONE_TABLE.minVisibleDigitsInCommon})`);
  }
  return result('VISIBLE_DIGITS_AGREE', compared, `all ${compared} digits visible on both sides agree`);
}

/** Position by position, digits visible on both sides must be equal. */
function visibleDigits(a: string, b: string): { agree: boolean; compared: number } {
  let compared = 0;
  for (let index = 0; index < a.length; index += 1) {
    if (a[index] === '*' || b[index] === '*') continue;
    if (a[index] !== b[index]) return { agree: false, compared };
    compared += 1;
  }
  return { agree: true, compared };
}

/** How a phone appears in a plan: never in full (the plan is shown to warehouse staff). */
export function shownPhone(phone: ParsedPhone): string {
  if (phone.kind === 'UNRECOGNISED') return '(unrecognised)';
  const { number } = phone;
  const shown = number.length <= 7 ? '*'.repeat(number.length) : `${number.slice(0, 3)}${'*'.repeat(number.length - 7)}${number.slice(-4)}`;
  return phone.extension === null ? shown : `${shown}-${phone.extension}`;
}
