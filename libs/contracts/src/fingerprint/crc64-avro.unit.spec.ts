import { avroSpecVectors } from '../testing/avro-spec-vectors';
import { crc64Avro } from './crc64-avro';
import { formatFingerprint, fingerprintValue } from './fingerprint';

const published = avroSpecVectors.filter((vector) => vector.fingerprint !== undefined);

describe('crc64Avro', () => {
  it('has the published fingerprint of every canonical form in the specification test data', () => {
    expect(published).toHaveLength(26);
  });

  it.each(published.map((v) => [v.canonical, v.fingerprint!]))('fingerprints %s as the specification does', (canonical, expected) => {
    expect(BigInt.asIntN(64, crc64Avro(canonical))).toBe(expected);
  });

  it('hashes strings as UTF-8, so text and bytes agree', () => {
    const text = '{"name":"订单","type":"enum","symbols":["A"]}';
    expect(crc64Avro(text)).toBe(crc64Avro(Buffer.from(text, 'utf8')));
    expect(crc64Avro(text)).not.toBe(crc64Avro(Buffer.from(text, 'latin1')));
  });
});

describe('Fingerprint text', () => {
  it('is 16 hex digits, most significant first', () => {
    expect(formatFingerprint(crc64Avro('"null"'))).toBe('63dd24e7cc258f8a');
    expect(formatFingerprint(-1n)).toBe('ffffffffffffffff');
    expect(formatFingerprint(1n)).toBe('0000000000000001');
  });

  it('converts back to the 64-bit value and refuses anything else', () => {
    expect(fingerprintValue('63dd24e7cc258f8a')).toBe(0x63dd24e7cc258f8an);
    expect(() => fingerprintValue('63DD24E7CC258F8A')).toThrow(RangeError);
    expect(() => fingerprintValue('abc')).toThrow(RangeError);
  });
});
