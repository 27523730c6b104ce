import { CorruptMessageError, IncompatibleSchemaError, UnknownFingerprintError, UnknownRecordError } from '../errors/contract-errors';
import { recordNames } from '../generated';
import { recordFixtures } from '../testing/record-fixtures';
import { contractCodec, decode, encode } from './contract-codec';
import { fingerprintOf, singleObjectHeader } from './single-object-header';

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('encode / decode', () => {
  it.each(recordNames)('round-trips the %s fixture through single-object bytes', (recordName) => {
    const bytes = encode(recordName, recordFixtures[recordName]);
    const decoded = decode(bytes);
    expect(decoded.recordName).toBe(recordName);
    expect(decoded.fingerprint).toBe(contractCodec().registry.current(recordName).fingerprint);
    expect(decoded.value).toEqual(recordFixtures[recordName]);
  });

  it('writes C3 01 then the fingerprint little-endian, then the body', () => {
    const bytes = encode('OrderPaid', recordFixtures.OrderPaid);
    const fingerprint = contractCodec().registry.current('OrderPaid').fingerprint;
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xc3, 0x01]));
    expect(Buffer.from(bytes.subarray(2, 10)).reverse().toString('hex')).toBe(fingerprint);
    expect(fingerprintOf(bytes)).toBe(fingerprint);
    expect(singleObjectHeader(fingerprint)).toEqual(bytes.subarray(0, 10));
  });

  it('keeps timestamps and money as plain numbers', () => {
    const { value } = decode(encode('OrderPaid', recordFixtures.OrderPaid), 'OrderPaid');
    expect(typeof value.paidAt).toBe('number');
    expect(value.paidAt).toBe(Date.parse(value.paidAtText));
    expect(value.amount).toBe(27_500);
  });

  it('decodes from a Uint8Array view that does not start at offset 0', () => {
    const bytes = encode('OrderClosed', recordFixtures.OrderClosed);
    const framed = new Uint8Array(bytes.length + 7);
    framed.set(bytes, 7);
    expect(decode(framed.subarray(7)).value).toEqual(recordFixtures.OrderClosed);
  });
});

describe('decode errors', () => {
  const valid = encode('OrderPaid', recordFixtures.OrderPaid);

  it('rejects bytes without the single-object marker', () => {
    const error = catchError(() => decode(Buffer.concat([Buffer.from([0x4f, 0x62]), valid.subarray(2)])));
    expect(error).toBeInstanceOf(CorruptMessageError);
    expect(error).toMatchObject({ reason: 'bad-magic' });
  });

  it('rejects messages shorter than the header', () => {
    expect(catchError(() => decode(valid.subarray(0, 9)))).toMatchObject({ reason: 'too-short', name: 'CorruptMessageError' });
  });

  it('names a fingerprint it does not know', () => {
    const unknown = Buffer.concat([singleObjectHeader('0123456789abcdef'), valid.subarray(10)]);
    const error = catchError(() => decode(unknown));
    expect(error).toBeInstanceOf(UnknownFingerprintError);
    expect(error).toMatchObject({ fingerprint: '0123456789abcdef' });
  });

  it('rejects a truncated body', () => {
    expect(catchError(() => decode(valid.subarray(0, valid.length - 5)))).toMatchObject({ reason: 'truncated' });
  });

  it('rejects trailing bytes after the body', () => {
    expect(catchError(() => decode(Buffer.concat([valid, Buffer.from([0x00])])))).toMatchObject({ reason: 'trailing-bytes' });
  });

  it('rejects a garbage body', () => {
    // Body: orderId of length 1 ("x"), occurredAt 0, occurredAtText "", then provider enum index 63.
    const garbage = Buffer.concat([valid.subarray(0, 10), Buffer.from([0x02, 0x78, 0x00, 0x00, 0x7e])]);
    const error = catchError(() => decode(garbage));
    expect(error).toBeInstanceOf(CorruptMessageError);
    expect(error).toMatchObject({ reason: 'undecodable' });
    expect((error as Error).message).toContain('oms.v1.OrderPaid');
  });

  it('refuses to read one record as another', () => {
    const error = catchError(() => decode(valid, 'OrderPlaced'));
    expect(error).toBeInstanceOf(IncompatibleSchemaError);
    expect((error as Error).message).toMatch(/oms\.v1\.OrderPaid .* as oms\.v1\.OrderPlaced/);
  });

  it('refuses an unknown reader record', () => {
    expect(catchError(() => contractCodec().decode(valid, 'OrderTeleported'))).toBeInstanceOf(UnknownRecordError);
  });
});
