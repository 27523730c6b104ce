import rawPhoneFormats from './phone-formats.data.json';

/** The number forms of `phone-formats.data.json`, or `UNRECOGNISED`. */
export type PhoneKind = 'MOBILE' | 'MASKED_MOBILE' | 'SERVICE_NUMBER' | 'LANDLINE' | 'MASKED_LANDLINE' | 'UNRECOGNISED';

/** A consignee phone in normalised form. */
export interface ParsedPhone {
  readonly kind: PhoneKind;
  /** Digits, with `*` where the channel masked one; the normalised input when unrecognised. */
  readonly number: string;
  /** The extension of a privacy (virtual) number, `null` when there is none. */
  readonly extension: string | null;
}

interface PhoneTable {
  countryPrefixes: string[];
  maskCharacters: string[];
  extensionSeparators: string[];
  extensionPattern: string;
  formats: { kind: Exclude<PhoneKind, 'UNRECOGNISED'>; pattern: string }[];
  minVisibleDigitsInCommon: number;
}

const KNOWN_KINDS: readonly PhoneKind[] = ['MOBILE', 'MASKED_MOBILE', 'SERVICE_NUMBER', 'LANDLINE', 'MASKED_LANDLINE'];

/** The phone table (`phone-formats.data.json`), checked at load; the matcher reads its overlap rule. */
export const PHONE_TABLE = checkedPhoneTable(rawPhoneFormats as PhoneTable);
const FORMATS = PHONE_TABLE.formats.map(({ kind, pattern }) => ({ kind, pattern: new RegExp(pattern) }));
const EXTENSION = new RegExp(PHONE_TABLE.extensionPattern);
const SEPARATORS = [...PHONE_TABLE.extensionSeparators].sort((a, b) => b.length - a.length);
const MASKS = new Set(PHONE_TABLE.maskCharacters.map((mask) => mask.normalize('NFKC')));
const MOBILE_LIKE = /^1[0-9*]{10}/;

/**
 * Parses a consignee phone: full (`13800138000`, `+86 138 0013 8000`), masked (`189****1234`),
 * a privacy number with extension (`13800138000-1234`, `13800138000转1234`, `95013…-1234`) or a
 * landline (`0571-88886666`). See `phone-formats.data.json` for the accepted forms.
 *
 * @example
 * parsePhone('１３８ ００１３ ８０００－１２３４'); // { kind: 'MOBILE', number: '13800138000', extension: '1234' }
 */
export function parsePhone(raw: string): ParsedPhone {
  const text = withoutCountryPrefix(clean(raw));
  for (const separator of SEPARATORS) {
    const at = text.lastIndexOf(separator);
    if (at <= 0) continue;
    const extension = text.slice(at + separator.length);
    const kind = EXTENSION.test(extension) ? kindOf(digitsOnly(text.slice(0, at))) : undefined;
    if (kind !== undefined) return { kind, number: digitsOnly(text.slice(0, at)), extension };
  }
  const number = digitsOnly(text);
  return { kind: kindOf(number) ?? 'UNRECOGNISED', number: kindOf(number) === undefined ? text : number, extension: null };
}

/** NFKC (full-width digits and punctuation), masks as `*`, no spaces or brackets, lower case (EXT). */
function clean(raw: string): string {
  let result = '';
  for (const character of raw.normalize('NFKC').toLowerCase()) {
    if (/[\s()[\]]/u.test(character)) continue;
    result += MASKS.has(character) ? '*' : character;
  }
  return result;
}

function withoutCountryPrefix(text: string): string {
  const prefix = PHONE_TABLE.countryPrefixes.find((candidate) => text.startsWith(candidate) && MOBILE_LIKE.test(digitsOnly(text.slice(candidate.length))));
  return prefix === undefined ? text : text.slice(prefix.length).replace(/^-/, '');
}

/** Formatting dashes inside a number are not part of it (0571-88886666, 138-0013-8000). */
function digitsOnly(text: string): string {
  return text.replace(/-/g, '');
}

function kindOf(number: string): Exclude<PhoneKind, 'UNRECOGNISED'> | undefined {
  const masked = number.includes('*');
  return FORMATS.find(({ kind, pattern }) => kind.startsWith('MASKED') === masked && pattern.test(number))?.kind;
}

function checkedPhoneTable(table: PhoneTable): PhoneTable {
  const unknown = table.formats.filter((format) => !KNOWN_KINDS.includes(format.kind) || typeof format.pattern !== 'string');
  if (unknown.length > 0) throw new Error(`phone-formats.data.json: unknown or malformed formats ${JSON.stringify(unknown)}`);
  if (!Number.isSafeInteger(table.minVisibleDigitsInCommon) || table.minVisibleDigitsInCommon < 1) {
    throw new Error('phone-formats.data.json: minVisibleDigitsInCommon must be a positive integer');
  }
  return table;
}
