import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { buildWechatpayNotification } from '@oms/payment-protocols';

/** What a forger knows: the merchant's ids and the platform certificate serial (both public), not the platform's private key. */
export interface ForgerKnowledge {
  gatewayUrl: string;
  wechatpaySerial: string;
  mchid: string;
  appid: string;
  apiV3Key: string;
}

/**
 * Sends a WeChat Pay "payment succeeded" notification signed with a key the forger made up, under
 * the real platform serial: well-formed in every other respect, so only the signature check can
 * refuse it. Returns the HTTP status the gateway answered.
 */
export async function sendForgedWechatpayNotification(knowledge: ForgerKnowledge, outTradeNo: string, amount: number): Promise<number> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const notification = buildWechatpayNotification(
    {
      appid: knowledge.appid,
      mchid: knowledge.mchid,
      out_trade_no: outTradeNo,
      transaction_id: `4200${Date.now()}${randomBytes(6).readUIntBE(0, 6)}`.slice(0, 28).padEnd(28, '0'),
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      success_time: new Date().toISOString().replace('Z', '+00:00'),
      amount: { total: amount, payer_total: amount, currency: 'CNY', payer_currency: 'CNY' },
    },
    { serial: knowledge.wechatpaySerial, privateKey, apiV3Key: knowledge.apiV3Key },
  );
  const response = await fetch(`${knowledge.gatewayUrl}/payments/wechatpay/notify`, { method: 'POST', headers: notification.headers, body: notification.body, signal: AbortSignal.timeout(10_000) });
  await response.text();
  return response.status;
}
