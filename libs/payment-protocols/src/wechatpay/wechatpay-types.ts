import type { WechatpayEncryptedResource } from './wechatpay-resource.cipher';

/**
 * Body of a WeChat Pay API v3 payment notification (支付成功回调通知), as POSTed to the merchant's
 * `notify_url`. Only `resource` is encrypted; the envelope is plain JSON.
 */
export interface WechatpayNotificationBody {
  /** Notification id; retries of one notification share it. */
  id: string;
  /** ISO-8601 with offset, e.g. `2024-06-18T10:31:05+08:00`. */
  create_time: string;
  /** `encrypt-resource`. */
  resource_type: string;
  /** `TRANSACTION.SUCCESS` for payments. */
  event_type: string;
  /** Human summary, e.g. `支付成功`. */
  summary: string;
  resource: WechatpayEncryptedResource;
}

/**
 * A payment as WeChat Pay describes it: the decrypted notification resource and the body of the
 * transaction query (`GET /v3/pay/transactions/out-trade-no/{out_trade_no}`). Amounts in fen.
 */
export interface WechatpayTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  /** Present once the payment exists at WeChat Pay. */
  transaction_id?: string;
  trade_type?: string;
  /** SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR. */
  trade_state: string;
  trade_state_desc?: string;
  bank_type?: string;
  attach?: string;
  /** ISO-8601 with offset. */
  success_time?: string;
  payer?: { openid?: string };
  amount?: { total?: number; payer_total?: number; currency?: string; payer_currency?: string };
}

/** An error body of API v3 (`{ code, message }`), also what a merchant answers a failed notification with. */
export interface WechatpayErrorBody {
  code: string;
  message: string;
}
