import { randomBytes, randomInt } from 'node:crypto';
import { buildAlipayNotificationBody, buildWechatpayNotification, formatAlipayTime, type SignedWechatpayNotification, type WechatpayTransaction } from '@oms/payment-protocols';
import { testMerchant } from './test-merchant';
import type { TestProviderKeys } from './test-provider-keys';

const digits = (count: number): string => Array.from({ length: count }, () => randomInt(10)).join('');

/** An out_trade_no no other test run uses, valid for both providers. */
export function uniqueOutTradeNo(prefix = 'GW'): string {
  return `${prefix}${Date.now()}${randomBytes(4).toString('hex')}`;
}

/** A 28-digit WeChat Pay transaction id. */
export const uniqueWechatTransactionId = (): string => `4200${digits(24)}`;

/** A 28-digit Alipay trade_no. */
export const uniqueAlipayTradeNo = (): string => `2024${digits(24)}`;

/** A paid transaction of the test merchant, as WeChat Pay describes it (override any field). */
export function sampleWechatTransaction(overrides: Partial<WechatpayTransaction> = {}): WechatpayTransaction {
  return {
    appid: testMerchant.wechatpayAppid,
    mchid: testMerchant.wechatpayMchid,
    out_trade_no: uniqueOutTradeNo(),
    transaction_id: uniqueWechatTransactionId(),
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'CMB_DEBIT',
    success_time: '2024-06-18T10:31:02+08:00',
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    amount: { total: 27_500, payer_total: 27_500, currency: 'CNY', payer_currency: 'CNY' },
    ...overrides,
  };
}

/** A signed v3 notification of `transaction`, by the test platform key, timestamped now unless told. */
export function signedWechatNotification(keys: TestProviderKeys, transaction: WechatpayTransaction, options: Parameters<typeof buildWechatpayNotification>[2] = {}): SignedWechatpayNotification {
  return buildWechatpayNotification(transaction, { serial: keys.platform.serial, privateKey: keys.platform.privateKeyPem, apiV3Key: testMerchant.apiV3Key }, { createTime: '2024-06-18T10:31:05+08:00', ...options });
}

/** Parameters of a paid Alipay notification of the test merchant (unsigned; override any field). */
export function sampleAlipayParams(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    notify_time: formatAlipayTime(Date.now()),
    notify_type: 'trade_status_sync',
    notify_id: `ac05099524730693a8b330c5ecf72da${randomBytes(4).toString('hex')}`,
    charset: 'utf-8',
    version: '1.0',
    app_id: testMerchant.alipayAppId,
    trade_no: uniqueAlipayTradeNo(),
    out_trade_no: uniqueOutTradeNo(),
    buyer_id: '2088102122524333',
    buyer_logon_id: '159****5620',
    seller_id: testMerchant.alipaySellerId,
    seller_email: 'pay@qingye.example.cn',
    trade_status: 'TRADE_SUCCESS',
    total_amount: '275.00',
    receipt_amount: '275.00',
    buyer_pay_amount: '275.00',
    subject: '青叶茶庄订单',
    gmt_create: '2024-06-18 10:30:58',
    gmt_payment: '2024-06-18 10:31:02',
    fund_bill_list: '[{"amount":"275.00","fundChannel":"ALIPAYACCOUNT"}]',
    ...overrides,
  };
}

/** A signed Alipay notification body of `params`, by the test Alipay key. */
export function signedAlipayBody(keys: TestProviderKeys, params: Record<string, string>): string {
  return buildAlipayNotificationBody(params, keys.alipay.privateKeyPem);
}
