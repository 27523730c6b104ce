import { buildSignedAlipayResponse, fenToYuanText, formatAlipayTime, verifyAlipayParams, yuanTextToFen } from '@oms/payment-protocols';
import { json, type SimulatorResponse, type SimulatorRouter } from '../http/simulator-router';
import type { ProviderKeys } from './provider-keys';
import type { SimulatedMerchant } from './simulated-merchant';
import type { SimulatedTrade, TradeBook } from './trade-book';

type BizContent = { out_trade_no?: string; refund_amount?: string; out_request_no?: string };

const notExist = { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.TRADE_NOT_EXIST', sub_msg: '交易不存在' };

/** What every successful trade answer starts with: success, the trade's two ids and the masked buyer. */
function tradeSuccess(trade: SimulatedTrade): object {
  return { code: '10000', msg: 'Success', trade_no: trade.transactionId, out_trade_no: trade.outTradeNo, buyer_logon_id: '159****5620' };
}

function queryAnswer(trade: SimulatedTrade): object {
  return {
    ...tradeSuccess(trade),
    trade_status: trade.tradeState,
    total_amount: fenToYuanText(trade.amount),
    buyer_pay_amount: fenToYuanText(trade.amount),
    ...(trade.paidAtMs === null ? {} : { send_pay_date: formatAlipayTime(trade.paidAtMs) }),
    buyer_user_id: trade.payerId,
  };
}

/**
 * `alipay.trade.refund`: `out_request_no` (default: the out_trade_no, as Alipay takes it) names the
 * refund; a repeated request answers success with `fund_change: N` and refunds nothing more.
 */
function refundAnswer(trades: TradeBook, trade: SimulatedTrade, content: BizContent): object {
  const amount = yuanTextToFen(content.refund_amount ?? '');
  const made = amount === null ? null : trades.refund(trade, content.out_request_no ?? trade.outTradeNo, amount);
  if (!made) return { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', sub_msg: '退款金额超限' };
  return {
    ...tradeSuccess(trade),
    fund_change: made.repeated ? 'N' : 'Y',
    refund_fee: fenToYuanText(trade.refunded),
    gmt_refund_pay: formatAlipayTime(made.refund.refundedAtMs),
  };
}

/**
 * The Alipay open-API gateway (`POST /gateway.do`): `alipay.trade.query` and `alipay.trade.refund`,
 * requests checked against the application key (RSA2, every parameter but `sign`), answers signed
 * over the exact `<method>_response` text.
 */
export function registerAlipayGateway(router: SimulatorRouter, trades: TradeBook, merchant: SimulatedMerchant, keys: ProviderKeys): void {
  router.on('POST', /^\/gateway\.do$/, (request): SimulatorResponse => {
    const params = Object.fromEntries(new URLSearchParams(request.body));
    const method = params['method'] ?? '';
    const responseKey = `${method.replace(/\./g, '_')}_response`;
    const answer = (value: object) => ({ status: 200, body: buildSignedAlipayResponse(responseKey, value, keys.alipayPrivateKey) });
    if (params['app_id'] !== merchant.alipay.appId) return answer({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-app-id', sub_msg: '无效的AppID参数' });
    if (merchant.alipay.appPublicKeyPem && !verifyAlipayParams(params, merchant.alipay.appPublicKeyPem, ['sign'])) {
      return answer({ code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: '验签出错' });
    }
    const content = JSON.parse(params['biz_content'] ?? '{}') as BizContent;
    const trade = content.out_trade_no ? trades.find('ALIPAY', content.out_trade_no) : undefined;
    if (method === 'alipay.trade.query') return answer(trade ? queryAnswer(trade) : notExist);
    if (method === 'alipay.trade.refund') return answer(trade ? refundAnswer(trades, trade, content) : notExist);
    return json(200, { error_response: { code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-method', sub_msg: `不存在的方法名 ${method}` } });
  });
}
