import { generateKeyPairSync } from 'node:crypto';
import {
  alipaySignContent,
  buildSignedAlipayResponse,
  fenToYuanText,
  formatAlipayTime,
  parseAlipayTime,
  signAlipayParams,
  verifyAlipayParams,
  verifyAlipayResponse,
  yuanTextToFen,
} from '../index';

const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('Alipay sign content', () => {
  it('sorts by key, drops sign, sign_type and empty values, joins decoded k=v with &', () => {
    const params = { trade_status: 'TRADE_SUCCESS', app_id: '2021000000000000', sign: 'S', sign_type: 'RSA2', subject: 'Iphone6 16G', refund_fee: '', total_amount: '88.88' };
    expect(alipaySignContent(params)).toBe('app_id=2021000000000000&subject=Iphone6 16G&total_amount=88.88&trade_status=TRADE_SUCCESS');
    expect(alipaySignContent(params, ['sign'])).toBe('app_id=2021000000000000&sign_type=RSA2&subject=Iphone6 16G&total_amount=88.88&trade_status=TRADE_SUCCESS');
  });

  it('verifies an RSA2 sign and refuses a changed parameter or a missing sign', () => {
    const params = { out_trade_no: 'T1', total_amount: '88.88', sign_type: 'RSA2' };
    const signed = { ...params, sign: signAlipayParams(params, alipay.privateKey) };
    expect(verifyAlipayParams(signed, alipay.publicKey)).toBe(true);
    expect(verifyAlipayParams({ ...signed, total_amount: '8.88' }, alipay.publicKey)).toBe(false);
    expect(verifyAlipayParams(params, alipay.publicKey)).toBe(false);
  });
});

describe('yuan text to fen', () => {
  it.each([
    ['88.88', 8888],
    ['0.29', 29],
    ['0.01', 1],
    ['120', 12000],
    ['120.5', 12050],
    ['999999999999.99', 99999999999999],
  ])('%s → %d exactly', (text, fen) => expect(yuanTextToFen(text)).toBe(fen));

  it.each(['', '-1.00', '1.001', '1e3', ' 1.00', '1,000.00', '01.00', '.5', '1.', 'NaN'])('refuses %j', (text) => {
    expect(yuanTextToFen(text)).toBeNull();
  });

  it('formats fen back with two decimals', () => {
    expect(fenToYuanText(8888)).toBe('88.88');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(() => fenToYuanText(1.5)).toThrow(RangeError);
  });
});

describe('Alipay times (Beijing time, no offset)', () => {
  it('reads them as +08:00', () => {
    expect(parseAlipayTime('2024-06-18 10:31:02')).toEqual({ epochMs: Date.parse('2024-06-18T10:31:02+08:00'), isoText: '2024-06-18T10:31:02+08:00' });
    expect(formatAlipayTime(Date.parse('2024-06-18T02:31:02Z'))).toBe('2024-06-18 10:31:02');
  });

  it.each(['2024-02-30 10:00:00', '2024-06-18T10:31:02', '2024-06-18 24:00:00', ''])('refuses %j', (text) => {
    expect(parseAlipayTime(text)).toBeNull();
  });
});

describe('signed open-API answers', () => {
  it('verifies the exact text of the <method>_response value', () => {
    const body = buildSignedAlipayResponse('alipay_trade_query_response', { code: '10000', msg: 'Success', trade_status: 'TRADE_SUCCESS' }, alipay.privateKey);
    expect(verifyAlipayResponse(body, 'alipay_trade_query_response', alipay.publicKey)).toBe(true);
    expect(verifyAlipayResponse(body.replace('TRADE_SUCCESS', 'TRADE_CLOSED'), 'alipay_trade_query_response', alipay.publicKey)).toBe(false);
    expect(verifyAlipayResponse('{"error":1}', 'alipay_trade_query_response', alipay.publicKey)).toBe(false);
  });
});
