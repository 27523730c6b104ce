import { buildAlipayNotificationBody, buildWechatpayNotification, fenToYuanText, formatAlipayTime, type SignedWechatpayNotification, type WechatpayTransaction } from '@oms/payment-protocols';
import type { ProviderKeys } from './provider-keys';
import type { SimulatedMerchant } from './simulated-merchant';
import type { SimulatedTrade } from './trade-book';

/** ISO-8601 in Beijing time, as WeChat Pay writes times (`2024-06-18T10:31:02+08:00`). */
export function wechatTime(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The trade as WeChat Pay describes it (notification resource and query answer). */
export function wechatTransactionOf(trade: SimulatedTrade, merchant: SimulatedMerchant): WechatpayTransaction {
  return {
    appid: merchant.wechatpay.appid,
    mchid: merchant.wechatpay.mchid,
    out_trade_no: trade.outTradeNo,
    transaction_id: trade.transactionId,
    trade_type: 'JSAPI',
    trade_state: trade.tradeState,
    trade_state_desc: trade.tradeState === 'SUCCESS' ? '支付成功' : trade.tradeState,
    bank_type: 'OTHERS',
    ...(trade.paidAtMs === null ? {} : { success_time: wechatTime(trade.paidAtMs) }),
    payer: { openid: trade.payerId },
    amount: { total: trade.amount, payer_total: trade.amount, currency: 'CNY', payer_currency: 'CNY' },
  };
}

/** A freshly signed delivery of the trade's v3 notification (new timestamp, nonce and signature each time). */
export function wechatNotificationOf(trade: SimulatedTrade, merchant: SimulatedMerchant, keys: ProviderKeys, notificationId: string): SignedWechatpayNotification {
  return buildWechatpayNotification(
    wechatTransactionOf(trade, merchant),
    { serial: keys.wechatpaySerial, privateKey: keys.wechatpayPrivateKey, apiV3Key: merchant.wechatpay.apiV3Key },
    { notificationId, createTime: wechatTime(trade.paidAtMs ?? trade.createdAtMs) },
  );
}

/** The trade's Alipay notification form, signed RSA2; retries resend it unchanged, as Alipay does. */
export function alipayNotificationOf(trade: SimulatedTrade, merchant: SimulatedMerchant, keys: ProviderKeys, notifyId: string): string {
  const amount = fenToYuanText(trade.amount);
  return buildAlipayNotificationBody(
    {
      notify_time: formatAlipayTime(Date.now()),
      notify_type: 'trade_status_sync',
      notify_id: notifyId,
      charset: 'utf-8',
      version: '1.0',
      app_id: merchant.alipay.appId,
      trade_no: trade.transactionId,
      out_trade_no: trade.outTradeNo,
      buyer_id: trade.payerId,
      seller_id: merchant.alipay.sellerId,
      trade_status: trade.tradeState,
      total_amount: amount,
      receipt_amount: amount,
      buyer_pay_amount: amount,
      subject: `订单 ${trade.outTradeNo}`,
      gmt_create: formatAlipayTime(trade.createdAtMs),
      ...(trade.paidAtMs === null ? {} : { gmt_payment: formatAlipayTime(trade.paidAtMs) }),
    },
    keys.alipayPrivateKey,
  );
}
