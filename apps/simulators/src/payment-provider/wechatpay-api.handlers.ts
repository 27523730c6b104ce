import { randomInt } from 'node:crypto';
import { parseWechatpayAuthorization, signWechatpayMessage, verifyWechatpayAuthorization, WechatpayHeaders, wechatpayNonce } from '@oms/payment-protocols';
import type { SimulatorRequest, SimulatorResponse, SimulatorRouter } from '../http/simulator-router';
import type { ProviderKeys } from './provider-keys';
import { wechatTime, wechatTransactionOf } from './provider-messages';
import type { SimulatedMerchant } from './simulated-merchant';
import type { TradeBook } from './trade-book';

/** WeChat Pay signs every API answer like a notification, so merchants can verify it. */
function signed(status: number, value: unknown, keys: ProviderKeys): SimulatorResponse {
  const body = JSON.stringify(value);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = wechatpayNonce();
  return {
    status,
    body,
    headers: {
      [WechatpayHeaders.timestamp]: timestamp,
      [WechatpayHeaders.nonce]: nonce,
      [WechatpayHeaders.serial]: keys.wechatpaySerial,
      [WechatpayHeaders.signature]: signWechatpayMessage(timestamp, nonce, body, keys.wechatpayPrivateKey),
      [WechatpayHeaders.requestId]: `sim-${Date.now()}-${randomInt(1e6)}`,
    },
  };
}

/** A request not signed by the merchant's API key is refused, as WeChat Pay does (401 SIGN_ERROR). */
function unauthorized(request: SimulatorRequest, merchant: SimulatedMerchant): boolean {
  const { merchantPublicKeyPem, merchantSerial, mchid } = merchant.wechatpay;
  if (!merchantPublicKeyPem) return false;
  const authorization = parseWechatpayAuthorization(typeof request.headers.authorization === 'string' ? request.headers.authorization : undefined);
  if (!authorization || authorization.mchid !== mchid || (merchantSerial !== undefined && authorization.serialNo !== merchantSerial)) return true;
  return !verifyWechatpayAuthorization(authorization, { method: request.method, pathWithQuery: request.url, body: request.body }, merchantPublicKeyPem);
}

/**
 * WeChat Pay API v3 routes: the transaction query by out_trade_no and the domestic refund API,
 * with signed answers and the merchant's `Authorization` checked.
 */
export function registerWechatpayApi(router: SimulatorRouter, trades: TradeBook, merchant: SimulatedMerchant, keys: ProviderKeys): void {
  router.on('GET', /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/, (request) => {
    if (unauthorized(request, merchant)) return signed(401, { code: 'SIGN_ERROR', message: '签名错误' }, keys);
    if (request.query.get('mchid') !== merchant.wechatpay.mchid) return signed(400, { code: 'PARAM_ERROR', message: 'mchid 与订单不匹配' }, keys);
    const trade = trades.find('WECHAT_PAY', request.params[0]);
    if (!trade) return signed(404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' }, keys);
    return signed(200, wechatTransactionOf(trade, merchant), keys);
  });

  router.on('POST', /^\/v3\/refund\/domestic\/refunds$/, (request) => {
    if (unauthorized(request, merchant)) return signed(401, { code: 'SIGN_ERROR', message: '签名错误' }, keys);
    const refund = JSON.parse(request.body) as { transaction_id?: string; out_trade_no?: string; out_refund_no?: string; amount?: { refund?: number; total?: number; currency?: string } };
    // WeChat Pay names the trade by transaction_id or out_trade_no (transaction_id wins when both are given).
    const trade = refund.transaction_id ? trades.findByTransactionId('WECHAT_PAY', refund.transaction_id) : refund.out_trade_no ? trades.find('WECHAT_PAY', refund.out_trade_no) : undefined;
    if (!trade) return signed(404, { code: 'RESOURCE_NOT_EXISTS', message: '订单不存在' }, keys);
    // out_refund_no is the idempotency key: a repeated request gets the refund already made.
    const made = refund.amount?.total === trade.amount && refund.out_refund_no ? trades.refund(trade, refund.out_refund_no, refund.amount.refund ?? 0) : null;
    if (!made) return signed(400, { code: 'INVALID_REQUEST', message: '退款金额不合法' }, keys);
    const at = wechatTime(made.refund.refundedAtMs);
    return signed(200, {
      refund_id: made.refund.refundId,
      out_refund_no: made.refund.outRefundNo,
      transaction_id: trade.transactionId,
      out_trade_no: trade.outTradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      success_time: at,
      create_time: at,
      status: 'SUCCESS',
      funds_account: 'AVAILABLE',
      amount: { total: trade.amount, refund: made.refund.amount, payer_total: trade.amount, payer_refund: made.refund.amount, currency: 'CNY' },
    }, keys);
  });
}
