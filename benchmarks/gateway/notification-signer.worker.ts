import { parentPort, workerData } from 'node:worker_threads';
import { randomBytes, randomInt } from 'node:crypto';
import { buildAlipayNotificationBody, buildWechatpayNotification, formatAlipayTime } from '@oms/payment-protocols';
import type { BenchMerchant } from './bench-merchant';

/** What a signer worker is asked to sign. */
export interface SignerTask {
  merchant: BenchMerchant;
  /** Out-trade numbers to sign a notification for; the provider of each is decided by `alipay`. */
  items: Array<{ outTradeNo: string; alipay: boolean }>;
}

/** A notification ready to send. */
export interface SignedRequest {
  outTradeNo: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');

// RSA-2048 signing costs milliseconds per notification, far more than the gateway spends
// verifying one, so notifications are signed before the timed run, in worker threads.
function sign({ merchant, items }: SignerTask): SignedRequest[] {
  return items.map(({ outTradeNo, alipay }) => {
    if (alipay) {
      const body = buildAlipayNotificationBody(
        {
          notify_time: formatAlipayTime(Date.now()), notify_type: 'trade_status_sync', notify_id: randomBytes(16).toString('hex'), charset: 'utf-8', version: '1.0',
          app_id: merchant.alipayAppId, trade_no: `2024${digits(24)}`, out_trade_no: outTradeNo, buyer_id: '2088102122524333', seller_id: merchant.alipaySellerId,
          trade_status: 'TRADE_SUCCESS', total_amount: '275.00', buyer_pay_amount: '275.00', subject: 'bench', gmt_create: formatAlipayTime(Date.now() - 5_000), gmt_payment: formatAlipayTime(Date.now()),
        },
        merchant.alipayPrivateKeyPem,
      );
      return { outTradeNo, path: '/payments/alipay/notify', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body };
    }
    const transaction = {
      appid: merchant.appid, mchid: merchant.mchid, out_trade_no: outTradeNo, transaction_id: `4200${digits(24)}`, trade_type: 'JSAPI', trade_state: 'SUCCESS',
      success_time: '2024-06-18T10:31:02+08:00', payer: { openid: 'oBench' }, amount: { total: 27_500, payer_total: 27_500, currency: 'CNY' },
    };
    const signed = buildWechatpayNotification(transaction, { serial: merchant.platformSerial, privateKey: merchant.platformPrivateKeyPem, apiV3Key: merchant.apiV3Key }, { createTime: '2024-06-18T10:31:05+08:00' });
    return { outTradeNo, path: '/payments/wechatpay/notify', ...signed };
  });
}

parentPort?.postMessage(sign(workerData as SignerTask));
