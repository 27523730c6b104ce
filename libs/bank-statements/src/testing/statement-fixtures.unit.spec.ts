import { decodeStatementText } from '../encoding/statement-text.decoder';
import { ICBC_GBK_SOURCE, icbcGbkBytes, readFixture } from './statement-fixtures';

describe('the committed GBK fixture', () => {
  const committed = readFixture('icbc-statement-20240618.gbk.csv');

  it('is byte for byte iconv-lite GBK of its UTF-8 source (rebuild: scripts/build-gbk-fixture.ts)', () => {
    expect(committed.equals(icbcGbkBytes())).toBe(true);
  });

  it('is really GBK: not valid UTF-8, two bytes per Chinese character', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(committed)).toThrow();
    expect(committed.length).toBeLessThan(Buffer.byteLength(ICBC_GBK_SOURCE, 'utf8'));
    expect(decodeStatementText(committed).text).toBe(ICBC_GBK_SOURCE);
  });

  it('the UTF-8 fixture starts with a BOM', () => {
    expect([...readFixture('cmb-statement-20240618.utf8-bom.csv').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
