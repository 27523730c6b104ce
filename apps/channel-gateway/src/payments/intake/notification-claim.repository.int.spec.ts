import { runMigrations } from '@oms/postgres';
import { createTestSchema, type TestSchema } from '@oms/testing';
import { gatewayMigrations } from '../../infrastructure/gateway.migrations';
import { NotificationClaimRepository } from './notification-claim.repository';
import type { ClaimRow, ClaimVerdict } from './notification-claim.statement';

// The claim statement against real PostgreSQL (own schema): the replay, amount and dedupe rules it
// took over from JavaScript, inside one batch and across batches, and its transaction.
let db: TestSchema;
const repository = new NotificationClaimRepository();
let sequence = 0;

function wechatRow(overrides: Partial<ClaimRow> = {}): ClaimRow {
  sequence += 1;
  return {
    provider: 'WECHAT_PAY',
    nonce: `NONCE${sequence}`,
    signedAtMs: 1_718_677_865_000,
    transactionId: `4200000000000000000000${String(sequence).padStart(6, '0')}`,
    tradeState: 'SUCCESS',
    outTradeNo: `CLAIM${sequence}`,
    notificationId: `EV-'quoted'\\back\\slash-${sequence}`,
    amount: 27_500,
    currency: 'CNY',
    receivedAtMs: 1_718_677_866_000,
    needsConfirmation: true,
    ...overrides,
  };
}

/** Claims a batch in its own transaction and commits it, as the intake does around the publish. */
async function claimCommitted(rows: ClaimRow[]): Promise<ClaimVerdict[]> {
  const client = await db.pool.connect();
  try {
    const verdicts = await repository.beginAndClaim(client, rows);
    await client.query('COMMIT');
    return verdicts;
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  db = await createTestSchema('gw_claim');
  await runMigrations(db.pool, db.schema, gatewayMigrations);
});

afterAll(async () => {
  await db.drop();
});

describe('NotificationClaimRepository', () => {
  it('given fresh notifications, accepts each and records its nonce and its dedupe row verbatim', async () => {
    const rows = [wechatRow(), wechatRow(), wechatRow({ provider: 'ALIPAY', nonce: null, signedAtMs: null, tradeState: 'TRADE_SUCCESS' })];
    expect(await claimCommitted(rows)).toEqual([{ kind: 'accepted' }, { kind: 'accepted' }, { kind: 'accepted' }]);
    const stored = await db.pool.query('SELECT notification_id, amount::float8 AS amount, received_at FROM payment_notifications WHERE out_trade_no = $1', [rows[0].outTradeNo]);
    expect(stored.rows).toEqual([{ notification_id: rows[0].notificationId, amount: 27_500, received_at: new Date(rows[0].receivedAtMs) }]);
    const nonces = await db.pool.query('SELECT nonce FROM notification_nonces WHERE nonce = ANY($1::text[]) ORDER BY nonce', [[rows[0].nonce, rows[1].nonce]]);
    expect(nonces.rows.map((row: { nonce: string }) => row.nonce).sort()).toEqual([rows[0].nonce, rows[1].nonce].sort());
  });

  it('when a nonce was accepted before, refuses it as a replay and records nothing for it', async () => {
    const first = wechatRow();
    await claimCommitted([first]);
    const replay = wechatRow({ nonce: first.nonce });
    expect(await claimCommitted([replay])).toEqual([{ kind: 'replayed' }]);
    const rows = await db.pool.query('SELECT 1 FROM payment_notifications WHERE out_trade_no = $1', [replay.outTradeNo]);
    expect(rows.rowCount).toBe(0);
  });

  it('when one batch carries a nonce twice, accepts the first copy and refuses the later one', async () => {
    const first = wechatRow();
    expect(await claimCommitted([first, wechatRow({ nonce: first.nonce })])).toEqual([{ kind: 'accepted' }, { kind: 'replayed' }]);
  });

  it('when a fact was published before, answers duplicate; inside one batch the first copy takes the key', async () => {
    const fact = wechatRow();
    await claimCommitted([fact]);
    const resent = { ...wechatRow(), transactionId: fact.transactionId, outTradeNo: fact.outTradeNo };
    const twin = wechatRow();
    expect(await claimCommitted([resent, twin, { ...wechatRow(), transactionId: twin.transactionId }])).toEqual([{ kind: 'duplicate' }, { kind: 'accepted' }, { kind: 'duplicate' }]);
  });

  it('when the order is known, refuses another amount or currency (nonce still recorded) and accepts the payable total', async () => {
    const [wrongAmount, wrongCurrency, right] = [wechatRow({ amount: 100 }), wechatRow({ currency: 'USD' }), wechatRow()];
    for (const row of [wrongAmount, wrongCurrency, right]) {
      await db.pool.query(`INSERT INTO expected_payments (out_trade_no, channel, channel_order_id, amount, currency) VALUES ($1, 'shopify', $1, 27500, 'CNY')`, [row.outTradeNo]);
    }
    expect(await claimCommitted([wrongAmount, wrongCurrency, right])).toEqual([
      { kind: 'mismatched', expectedAmount: 27_500, expectedCurrency: 'CNY' },
      { kind: 'mismatched', expectedAmount: 27_500, expectedCurrency: 'CNY' },
      { kind: 'accepted' },
    ]);
    const nonces = await db.pool.query('SELECT 1 FROM notification_nonces WHERE nonce = $1', [wrongAmount.nonce]);
    expect(nonces.rowCount).toBe(1);
  });

  it('given a notification id with a lone surrogate, stores it as node-pg did with parameters (U+FFFD) instead of failing the batch', async () => {
    const odd = wechatRow({ notificationId: 'EV-\ud800-odd' });
    expect(await claimCommitted([odd, wechatRow()])).toEqual([{ kind: 'accepted' }, { kind: 'accepted' }]);
    const stored = await db.pool.query('SELECT notification_id FROM payment_notifications WHERE out_trade_no = $1', [odd.outTradeNo]);
    expect(stored.rows).toEqual([{ notification_id: 'EV-\ufffd-odd' }]);
  });

  it('when the transaction is rolled back (the publish failed), keeps nothing, so the retry is accepted', async () => {
    const row = wechatRow();
    const client = await db.pool.connect();
    try {
      expect(await repository.beginAndClaim(client, [row])).toEqual([{ kind: 'accepted' }]);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await claimCommitted([row])).toEqual([{ kind: 'accepted' }]);
  });

  it('when two concurrent batches carry the same nonce, exactly one accepts it', async () => {
    const nonce = `RACE${Date.now()}`;
    const [a, b] = await Promise.all([claimCommitted([wechatRow({ nonce })]), claimCommitted([wechatRow({ nonce })])]);
    expect([a[0].kind, b[0].kind].sort()).toEqual(['accepted', 'replayed']);
  });
});
