import fc from 'fast-check';
import { escapeLiteral } from 'pg';
import { claimVerdicts, notificationClaimSql, quoteLiteral, wellFormed, type ClaimRow } from './notification-claim.statement';

const row: ClaimRow = {
  provider: 'WECHAT_PAY',
  nonce: 'NONCE1',
  signedAtMs: 1_718_677_865_000,
  transactionId: '4200000000000000000000000001',
  tradeState: 'SUCCESS',
  outTradeNo: 'GW0001',
  notificationId: `EV-it's\\x`,
  amount: 27_500,
  currency: 'CNY',
  receivedAtMs: 1_718_677_866_000,
  needsConfirmation: true,
};

describe('quoteLiteral', () => {
  it('quotes exactly as node-pg escapeLiteral does, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => quoteLiteral(text) === escapeLiteral(text)));
    expect(quoteLiteral(`a'b\\c`)).toBe(` E'a''b\\\\c'`);
    expect(quoteLiteral(`it's`)).toBe(`'it''s'`);
  });
});

describe('wellFormed', () => {
  it('replaces lone surrogates as UTF-8 encoding does (what node-pg sent for a bound parameter), keeping pairs', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => wellFormed(text) === Buffer.from(text, 'utf8').toString('utf8')));
    expect(wellFormed('EV-\ud800-\ud83d\ude00-\udc00')).toBe('EV-\ufffd-\ud83d\ude00-\ufffd');
  });
});

describe('notificationClaimSql', () => {
  it('opens the transaction and carries the batch as one quoted JSON literal, rows numbered in order', () => {
    const sql = notificationClaimSql([row, { ...row, nonce: null, signedAtMs: null, provider: 'ALIPAY' }]);
    expect(sql.startsWith('BEGIN;\nWITH batch AS (')).toBe(true);
    const literal = quoteLiteral(JSON.stringify([{ i: 0, ...row }, { i: 1, ...row, nonce: null, signedAtMs: null, provider: 'ALIPAY' }]));
    expect(sql).toContain(`json_to_recordset(${literal}::json)`);
  });
});

describe('claimVerdicts', () => {
  it('gives each row the verdict the statement named, and duplicate to a row it did not name', () => {
    expect(
      claimVerdicts(4, [
        { i: 2, verdict: 'accepted', amount: null, currency: null },
        { i: 0, verdict: 'replayed', amount: null, currency: null },
        { i: 3, verdict: 'mismatched', amount: 27_500, currency: 'CNY' },
      ]),
    ).toEqual([{ kind: 'replayed' }, { kind: 'duplicate' }, { kind: 'accepted' }, { kind: 'mismatched', expectedAmount: 27_500, expectedCurrency: 'CNY' }]);
  });
});
