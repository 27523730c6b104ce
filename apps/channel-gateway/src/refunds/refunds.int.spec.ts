import { decode, encode, Topics, type DecodedRecord, type RefundRequested, type RefundResult } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import { InProcessBus, PostgresInboxStore } from '@oms/messaging';
import { createTestSchema, testDatabaseUrl, waitFor, type TestSchema } from '@oms/testing';
import type { PoolClient } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the simulated provider, in this process
import { startPaymentProviderSimulator, type PaymentProviderSimulator } from '../../../simulators/src/payment-provider/payment-provider.simulator';
import { uniqueOutTradeNo } from '../testing/sample-payments';
import { gatewayConfigWithSimulators } from '../testing/simulators-process';
import { testGatewayConfig } from '../testing/test-gateway-config';
import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { testMerchant } from '../testing/test-merchant';
import { testProviderKeys } from '../testing/test-provider-keys';

// RefundRequested → the provider's refund API → RefundResult, through the real application, real
// PostgreSQL (refund rows, attempts, the messaging inbox in the gateway's schema) and the
// in-process bus with a PostgreSQL inbox (handlers get a PoolClient, as on Kafka).
const keys = testProviderKeys();
let db: TestSchema;
let bus: InProcessBus<PoolClient>;
let simulator: PaymentProviderSimulator;
const results: RefundResult[] = [];

beforeAll(async () => {
  db = await createTestSchema('gw_refunds');
  bus = new InProcessBus({ inbox: new PostgresInboxStore(db.pool) });
  simulator = await startPaymentProviderSimulator({
    merchant: {
      wechatpay: { mchid: testMerchant.wechatpayMchid, appid: testMerchant.wechatpayAppid, apiV3Key: testMerchant.apiV3Key, merchantPublicKeyPem: keys.merchant.publicKeyPem, merchantSerial: keys.merchant.serial },
      alipay: { appId: testMerchant.alipayAppId, sellerId: testMerchant.alipaySellerId, appPublicKeyPem: keys.alipayApp.publicKeyPem },
    },
  });
});

afterAll(async () => {
  await bus?.close();
  await simulator?.stop();
  await db?.drop();
});

const setup = () => ({ databaseUrl: testDatabaseUrl(), schema: db.schema, kafkaBrokers: 'inprocess', refundsEnabled: true });
const requestRefund = (refund: RefundRequested, messageId: string) =>
  bus.producer.send([{ topic: Topics.orderEvents, key: refund.orderId, value: encode('RefundRequested', refund), headers: { 'message-id': messageId, 'event-type': 'RefundRequested' } }]);
const attemptsOf = async (outRefundNo: string) =>
  (await db.pool.query<{ http_status: number; provider_status: string }>('SELECT http_status, provider_status FROM refund_attempts WHERE out_refund_no = $1 ORDER BY attempt', [outRefundNo])).rows;

it('retries a refund the provider cannot be reached for, recording every attempt and publishing nothing; a restarted gateway concludes it, refunding once', async () => {
  const outTradeNo = uniqueOutTradeNo('GWRF');
  const trade = simulator.pay('WECHAT_PAY', outTradeNo, 27_500);
  const refund = recordFixture('RefundRequested', { provider: 'WECHAT_PAY', outTradeNo, outRefundNo: `${outTradeNo}-R1`, transactionId: trade.transactionId, refundAmount: 27_500, currency: 'CNY' });

  // First gateway: the WeChat Pay API is unreachable (testGatewayConfig points it at a closed port).
  const unreachable: TestGateway = await startTestGateway({ config: testGatewayConfig(keys, setup()), bus });
  // The gateway knows the trade total from the channel order it accepted (WeChat Pay wants it in the request).
  await db.pool.query("INSERT INTO expected_payments (out_trade_no, channel, channel_order_id, amount, currency) VALUES ($1, 'MINI_PROGRAM', $2, 27500, 'CNY')", [outTradeNo, `MP${outTradeNo}`]);
  const subscription = await bus.subscribe<DecodedRecord>({
    groupId: 'refund-results',
    topics: [Topics.ingressPayments],
    decode: (bytes) => decode(bytes),
    handler: async (message) => void (message.value.recordName === 'RefundResult' && results.push(message.value.value)),
  });
  await requestRefund(refund, 'refund-requested-1');
  await requestRefund(refund, 'refund-requested-1'); // a redelivery: the inbox drops it
  const failed = await waitFor('two failed attempts', async () => {
    const attempts = await attemptsOf(refund.outRefundNo);
    return attempts.length >= 2 && attempts;
  }, { timeoutMs: 15_000 });
  expect(failed.every((attempt) => attempt.http_status === 0 && attempt.provider_status === 'REQUEST_FAILED')).toBe(true);
  await unreachable.close();
  expect(results).toEqual([]);
  expect((await db.pool.query('SELECT count(*)::int AS n, bool_and(result_published_at IS NULL) AS owed FROM refund_requests')).rows[0]).toEqual({ n: 1, owed: true });
  expect(trade.refunds).toEqual([]);

  // Second gateway, same database, the provider reachable: the owed refund is resumed and concluded.
  const reachable = await startTestGateway({ config: gatewayConfigWithSimulators(keys, { url: simulator.url, ...simulator.keys }, setup()), bus });
  try {
    await waitFor('the RefundResult', () => results.length > 0, { timeoutMs: 20_000 });
    expect(results).toEqual([expect.objectContaining({ outRefundNo: refund.outRefundNo, status: 'SUCCESS', providerStatus: 'SUCCESS', refundAmount: 27_500, totalAmount: 27_500, transactionId: trade.transactionId })]);
    expect(trade.refunds).toEqual([expect.objectContaining({ outRefundNo: refund.outRefundNo, amount: 27_500 })]);
    expect((await attemptsOf(refund.outRefundNo)).at(-1)).toEqual({ http_status: 200, provider_status: 'SUCCESS' });
  } finally {
    await reachable.close();
    await subscription.close();
  }
}, 60_000);
