import * as iconv from 'iconv-lite';

/** Encodings a statement file may be in. `auto` detects (see {@link decodeStatementText}). */
export type StatementEncoding = 'auto' | 'utf-8' | 'gbk' | 'gb18030';

/** The decoded text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: Exclude<StatementEncoding, 'auto'>;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const hasUtf8Bom = (bytes: Buffer): boolean => UTF8_BOM.every((byte, index) => bytes[index] === byte);

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a statement file's bytes. Chinese banks export GBK (or GB18030) by default, Excel
 * "CSV UTF-8" adds a BOM, newer portals write plain UTF-8. `auto`: a UTF-8 BOM means UTF-8;
 * bytes that are valid UTF-8 are UTF-8 (GBK text with Chinese characters practically never is);
 * anything else is read as GB18030, the superset of GBK. A leading BOM is always removed.
 *
 * @example
 * decodeStatementText(readFileSync('icbc.csv')); // { text: '交易时间,…', encoding: 'gb18030' }
 */
export function decodeStatementText(bytes: Buffer, encoding: StatementEncoding = 'auto'): DecodedText {
  const detected = encoding !== 'auto' ? encoding : hasUtf8Bom(bytes) || isValidUtf8(bytes) ? 'utf-8' : 'gb18030';
  const text = detected === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, detected);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: detected };
}
