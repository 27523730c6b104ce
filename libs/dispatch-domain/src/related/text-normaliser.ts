import rawText from './text-normalisation.data.json';

/** Every ignored character, escaped for a character class, plus whitespace. */
const IGNORED = new RegExp(
  `[\\s${[...(rawText as { ignoredCharacters: string }).ignoredCharacters].map((character) => character.replace(/[\\\]^-]/g, '\\$&')).join('')}]`,
  'gu',
);

/**
 * The comparable form of a free text (address detail, invoice title): Unicode NFKC — full-width
 * ↔ half-width digits, letters and punctuation — then lower case, with whitespace and the
 * punctuation of `text-normalisation.data.json` removed. The field rule compares address and
 * invoice title "after normalisation", so two spellings of one place score as one.
 *
 * @example
 * normaliseText('ＳＯＨＯ 现代城Ａ座，１２０１'); // 'soho现代城a座1201'
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}
