import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import {
  buildWechatpayAuthorization,
  decryptWechatpayResource,
  formatAlipayTime,
  signAlipayParams,
  verifyAlipayParams,
  verifyAlipayResponse,
  verifyWechatpaySignature,
  type WechatpayNotificationBody,
} from '@oms/payment-protocols';
import { startPaymentProviderSimulator, type PaymentProviderSimulator } from './payment-provider.simulator';

// The simulated provider over real HTTP: signed notifications, retries, query and refund APIs.
const merchantKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const appKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const merchant = { mchid: '1900000109', serialNo: 'MERCHANTSERIAL01', privateKey: merchantKey.privateKey };
const apiV3Key = 'Qy7vK2mT9pLx4RzN8cWf3HbJ6sDe1GaU';

/** A merchant endpoint that fails the first `failures` deliveries, then acknowledges. */
async function flakyMerchant(failures: number, success: { status: number; body: string }) {
  const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string; atMs: number }> = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body, atMs: Date.now() });
      const ok = received.length > failures;
      response.writeHead(ok ? success.status : 500, { 'content-type': 'text/plain' });
      response.end(ok ? success.body : 'failure');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let wechatMerchant: Awaited<ReturnType<typeof flakyMerchant>>;
let alipayMerchant: Awaited<ReturnType<typeof flakyMerchant>>;
let simulator: PaymentProviderSimulator;

beforeAll(async () => {
  wechatMerchant = await flakyMerchant(2, { status: 204, body: '' });
  alipayMerchant = await flakyMerchant(1, { status: 200, body: 'success' });
  simulator = await startPaymentProviderSimulator({
    merchant: {
      wechatpay: { mchid: merchant.mchid, appid: 'wxd678efh567hg6787', apiV3Key, notifyUrl: wechatMerchant.url, merchantPublicKeyPem: merchantKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(), merchantSerial: merchant.serialNo },
      alipay: { appId: '2021004112345678', sellerId: '2088102146225135', notifyUrl: alipayMerchant.url, appPublicKeyPem: appKey.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    },
    retryTimeScale: 1 / 500,
  });
});

afterAll(async () => {
  await simulator.stop();
  await Promise.all([wechatMerchant.close(), alipayMerchant.close()]);
});

it('delivers a signed WeChat Pay v3 notification, re-signed on each retry, until answered 2xx', async () => {
  const trade = simulator.pay('WECHAT_PAY', 'SIMTEST0000001', 12_345);
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(simulator.deliveries('WECHAT_PAY', 'SIMTEST0000001').map((delivery) => [delivery.attempt, delivery.status, delivery.acknowledged])).toEqual([[1, 500, false], [2, 500, false], [3, 204, true]]);
  // Retries follow the schedule (15 s, 15 s scaled by 1/500 = 30 ms each).
  const [first, second, third] = wechatMerchant.received;
  expect(second.atMs - first.atMs).toBeGreaterThanOrEqual(28);
  expect(third.atMs - second.atMs).toBeGreaterThanOrEqual(28);
  const nonces = new Set(wechatMerchant.received.map((delivery) => delivery.headers['wechatpay-nonce']));
  expect(nonces.size).toBe(3);
  for (const delivery of wechatMerchant.received) {
    const header = (name: string) => delivery.headers[name] as string;
    expect(header('wechatpay-serial')).toBe(simulator.keys.wechatpaySerial);
    expect(verifyWechatpaySignature(header('wechatpay-timestamp'), header('wechatpay-nonce'), delivery.body, header('wechatpay-signature'), simulator.keys.wechatpayPublicKeyPem)).toBe(true);
    const envelope = JSON.parse(delivery.body) as WechatpayNotificationBody;
    expect(JSON.parse(decryptWechatpayResource(envelope.resource, apiV3Key))).toMatchObject({ out_trade_no: 'SIMTEST0000001', transaction_id: trade.transactionId, trade_state: 'SUCCESS', amount: { total: 12_345 } });
  }
});

it('delivers an RSA2-signed Alipay form until answered exactly "success"', async () => {
  simulator.pay('ALIPAY', 'SIMTEST0000002', 8_888);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(simulator.deliveries('ALIPAY', 'SIMTEST0000002').map((delivery) => delivery.acknowledged)).toEqual([false, true]);
  const params = Object.fromEntries(new URLSearchParams(alipayMerchant.received[0].body));
  expect(params).toMatchObject({ out_trade_no: 'SIMTEST0000002', total_amount: '88.88', trade_status: 'TRADE_SUCCESS', sign_type: 'RSA2' });
  expect(verifyAlipayParams(params, simulator.keys.alipayPublicKeyPem)).toBe(true);
});

it('answers the WeChat Pay transaction query signed, and only to the merchant', async () => {
  const trade = simulator.pay('WECHAT_PAY', 'SIMTEST0000003', 100);
  const query = async (outTradeNo: string, signed = true) => {
    const pathWithQuery = `/v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${merchant.mchid}`;
    const headers: Record<string, string> = signed ? { authorization: buildWechatpayAuthorization({ method: 'GET', pathWithQuery, body: '' }, merchant) } : {};
    const response = await fetch(`${simulator.wechatpayApiBaseUrl}${pathWithQuery}`, { headers });
    const body = await response.text();
    const header = (name: string) => response.headers.get(name) as string;
    return { status: response.status, body: JSON.parse(body), signed: verifyWechatpaySignature(header('wechatpay-timestamp'), header('wechatpay-nonce'), body, header('wechatpay-signature'), simulator.keys.wechatpayPublicKeyPem) };
  };
  expect(await query('SIMTEST0000003')).toEqual({ status: 200, signed: true, body: expect.objectContaining({ transaction_id: trade.transactionId, trade_state: 'SUCCESS', amount: expect.objectContaining({ total: 100 }) }) });
  expect(await query('NOSUCHTRADE01')).toMatchObject({ status: 404, signed: true, body: { code: 'ORDER_NOT_EXIST' } });
  expect(await query('SIMTEST0000003', false)).toMatchObject({ status: 401, body: { code: 'SIGN_ERROR' } });
});

it('answers alipay.trade.query and alipay.trade.refund signed over the response text', async () => {
  simulator.pay('ALIPAY', 'SIMTEST0000004', 27_500);
  const call = async (method: string, bizContent: object) => {
    const params: Record<string, string> = { app_id: '2021004112345678', method, format: 'JSON', charset: 'utf-8', sign_type: 'RSA2', timestamp: formatAlipayTime(Date.now()), version: '1.0', biz_content: JSON.stringify(bizContent) };
    params['sign'] = signAlipayParams(params, appKey.privateKey, ['sign']);
    const body = await (await fetch(simulator.alipayGatewayUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() })).text();
    const key = `${method.replace(/\./g, '_')}_response`;
    return { verified: verifyAlipayResponse(body, key, simulator.keys.alipayPublicKeyPem), answer: (JSON.parse(body) as Record<string, Record<string, string>>)[key] };
  };
  expect(await call('alipay.trade.query', { out_trade_no: 'SIMTEST0000004' })).toMatchObject({ verified: true, answer: { code: '10000', trade_status: 'TRADE_SUCCESS', total_amount: '275.00' } });
  expect(await call('alipay.trade.refund', { out_trade_no: 'SIMTEST0000004', refund_amount: '275.00', out_request_no: 'RF1' })).toMatchObject({ verified: true, answer: { code: '10000', refund_fee: '275.00' } });
  expect(await call('alipay.trade.query', { out_trade_no: 'SIMTEST0000004' })).toMatchObject({ answer: { trade_status: 'TRADE_CLOSED' } });
  expect(await call('alipay.trade.query', { out_trade_no: 'NOSUCH' })).toMatchObject({ verified: true, answer: { code: '40004', sub_code: 'ACQ.TRADE_NOT_EXIST' } });
});

it('refunds through the WeChat Pay domestic refund API once per out_refund_no', async () => {
  const trade = simulator.pay('WECHAT_PAY', 'SIMTEST0000005', 5_000);
  const refund = async (outRefundNo: string, amount: number) => {
    const body = JSON.stringify({ out_trade_no: 'SIMTEST0000005', out_refund_no: outRefundNo, reason: '缺货退款', amount: { refund: amount, total: 5_000, currency: 'CNY' } });
    const authorization = buildWechatpayAuthorization({ method: 'POST', pathWithQuery: '/v3/refund/domestic/refunds', body }, merchant);
    const response = await fetch(`${simulator.wechatpayApiBaseUrl}/v3/refund/domestic/refunds`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const first = await refund('RF-SIM-1', 2_000);
  expect(first).toMatchObject({ status: 200, body: { out_refund_no: 'RF-SIM-1', status: 'SUCCESS', amount: { refund: 2_000, total: 5_000 } } });
  // The same out_refund_no again (a retry after a lost answer): the same refund, no second one.
  expect(await refund('RF-SIM-1', 2_000)).toMatchObject({ status: 200, body: { refund_id: first.body['refund_id'], status: 'SUCCESS' } });
  expect(trade.refunded).toBe(2_000);
  expect(trade.refunds.map((made) => made.outRefundNo)).toEqual(['RF-SIM-1']);
  expect((await refund('RF-SIM-2', 3_001)).status).toBe(400); // more than what is left
});

it('refunds through alipay.trade.refund once per out_request_no (fund_change N on a repeat)', async () => {
  const trade = simulator.pay('ALIPAY', 'SIMTEST0000006', 9_900);
  const refund = async () => {
    const params: Record<string, string> = { app_id: '2021004112345678', method: 'alipay.trade.refund', format: 'JSON', charset: 'utf-8', sign_type: 'RSA2', timestamp: formatAlipayTime(Date.now()), version: '1.0', biz_content: JSON.stringify({ out_trade_no: 'SIMTEST0000006', refund_amount: '99.00', out_request_no: 'RF-ALI-1' }) };
    params['sign'] = signAlipayParams(params, appKey.privateKey, ['sign']);
    const body = await (await fetch(simulator.alipayGatewayUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() })).text();
    return (JSON.parse(body) as Record<string, Record<string, string>>)['alipay_trade_refund_response'];
  };
  expect(await refund()).toMatchObject({ code: '10000', fund_change: 'Y', refund_fee: '99.00' });
  expect(await refund()).toMatchObject({ code: '10000', fund_change: 'N', refund_fee: '99.00' });
  expect(trade.refunds).toHaveLength(1);
  expect(trade.tradeState).toBe('TRADE_CLOSED');
});
