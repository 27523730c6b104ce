import * as iconv from 'iconv-lite';
import { decodeStatementText } from './statement-text.decoder';

const text = '交易时间,发生额\r\n2024-06-18 10:31:02,275.00\r\n';

describe('decodeStatementText', () => {
  it('auto: GBK bytes are not UTF-8, so they are read as GB18030 (a GBK superset)', () => {
    expect(decodeStatementText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('auto: a UTF-8 BOM means UTF-8, and the BOM is removed', () => {
    expect(decodeStatementText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'utf-8' });
  });

  it('auto: valid UTF-8 without a BOM is UTF-8', () => {
    expect(decodeStatementText(Buffer.from(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('takes the encoding as an option', () => {
    expect(decodeStatementText(iconv.encode(text, 'gbk'), 'gbk').text).toBe(text);
    expect(decodeStatementText(iconv.encode(`\uFEFF${text}`, 'gb18030'), 'gb18030').text).toBe(text);
  });

  it('reading GBK as UTF-8 by force garbles it — which is why auto-detection exists', () => {
    expect(decodeStatementText(iconv.encode(text, 'gbk'), 'utf-8').text).not.toBe(text);
  });
});
