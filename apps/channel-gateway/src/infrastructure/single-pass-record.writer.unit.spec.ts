import { decode, encode, InvalidRecordError, type PaymentNotification } from '@oms/contracts';
import { SinglePassRecordWriter } from './single-pass-record.writer';

const record: PaymentNotification = {
  provider: 'WECHAT_PAY',
  notificationId: 'EV-1',
  eventType: 'TRANSACTION.SUCCESS',
  outTradeNo: 'GW0001',
  transactionId: '4200000000000000000000000001',
  tradeState: 'SUCCESS',
  merchantId: '1900000001',
  appId: 'wx0000000000000001',
  payerId: null,
  amount: 27_500,
  payerAmount: 27_500,
  currency: 'CNY',
  successAt: 1_718_677_862_000,
  successAtText: '2024-06-18T10:31:02+08:00',
  notifiedAt: 1_718_677_865_000,
  notifiedAtText: '2024-06-18T10:31:05+08:00',
  receivedAt: 1_718_677_866_000,
  receivedAtText: '2024-06-18T10:31:06.000+08:00',
  signatureVerified: true,
  verificationFailure: null,
  signingCertificateSerial: 'SERIAL1',
  httpStatusAnswered: 200,
  rawBody: '{"id":"EV-1"}',
  decryptedResource: '{"transaction_id":"4200000000000000000000000001"}',
};

describe('SinglePassRecordWriter', () => {
  it('writes the same single-object bytes as encode, for small records and for ones past every buffer size', () => {
    const writer = new SinglePassRecordWriter('PaymentNotification');
    for (const rawBody of ['{}', 'x'.repeat(1_500), '支'.repeat(40_000), 'y'.repeat(10)]) {
      const bytes = writer.write({ ...record, rawBody });
      expect(bytes.equals(encode('PaymentNotification', { ...record, rawBody }))).toBe(true);
      expect(decode(bytes, 'PaymentNotification').value).toEqual({ ...record, rawBody });
    }
  });

  it('returns bytes of its own, not a view of the scratch buffer a later write reuses', () => {
    const writer = new SinglePassRecordWriter('PaymentNotification');
    const first = writer.write({ ...record, outTradeNo: 'FIRST1' });
    writer.write({ ...record, outTradeNo: 'SECOND' });
    expect(decode(first, 'PaymentNotification').value).toMatchObject({ outTradeNo: 'FIRST1' });
  });

  it('refuses a value of the wrong type, as encode does', () => {
    const writer = new SinglePassRecordWriter('PaymentNotification');
    expect(() => writer.write({ ...record, amount: 275.5 })).toThrow(InvalidRecordError);
    expect(() => writer.write({ ...record, outTradeNo: null as unknown as string })).toThrow(InvalidRecordError);
  });
});
