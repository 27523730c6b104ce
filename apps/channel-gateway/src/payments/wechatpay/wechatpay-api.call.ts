import { headerText, httpExchange, type HttpExchangeResponse } from '@oms/http-client';
import { buildWechatpayAuthorization, WechatpayHeaders } from '@oms/payment-protocols';
import type { WechatpayMerchantConfig } from '../../config/gateway-config';
import { verifyWechatpaySignedRequest } from './wechatpay-signature.verifier';

/** An answer of the WeChat Pay API v3: status, exact body, its JSON object, and whether its `Wechatpay-*` signature verified. */
export interface WechatpayApiAnswer {
  httpStatus: number;
  body: string;
  signatureVerified: boolean;
  /** The body's JSON object; empty when it was not one. */
  json: Record<string, unknown>;
}

/**
 * One call of the WeChat Pay API v3 (transaction query, domestic refund), signed with the
 * merchant key (`Authorization: WECHATPAY2-SHA256-RSA2048 …` over method, path, timestamp, nonce
 * and body); the answer's `Wechatpay-*` headers verified like a notification's, since an unsigned
 * answer proves nothing. Resolves `{ error }` when no HTTP answer came (network failure, timeout).
 * Through {@link httpExchange}, not `fetch`: the transaction query runs on every payment
 * notification, and `fetch` cost several times its CPU.
 */
export async function callWechatpayApi(
  wechatpay: WechatpayMerchantConfig,
  request: { method: 'GET' | 'POST'; pathWithQuery: string; body?: string },
  nowMs: number,
  timeoutMs: number,
): Promise<WechatpayApiAnswer | { error: string }> {
  const body = request.body ?? '';
  const authorization = buildWechatpayAuthorization(
    { method: request.method, pathWithQuery: request.pathWithQuery, body },
    { mchid: wechatpay.mchid, serialNo: wechatpay.merchantSerial, privateKey: wechatpay.merchantPrivateKey },
    { timestamp: String(Math.floor(nowMs / 1000)) },
  );
  let response: HttpExchangeResponse;
  try {
    response = await httpExchange({
      method: request.method,
      url: `${wechatpay.apiBaseUrl}${request.pathWithQuery}`,
      headers: { authorization, accept: 'application/json', ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: request.body,
      timeoutMs,
    });
  } catch (error) {
    return { error: `WeChat Pay ${request.method} ${request.pathWithQuery.split('?')[0]} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const text = response.body;
  const header = (name: string) => headerText(response.headers, name);
  const signature = verifyWechatpaySignedRequest(
    { timestamp: header(WechatpayHeaders.timestamp), nonce: header(WechatpayHeaders.nonce), signature: header(WechatpayHeaders.signature), serial: header(WechatpayHeaders.serial), signatureType: undefined, body: text },
    wechatpay.platformKeys,
    nowMs,
  );
  return { httpStatus: response.status, body: text, signatureVerified: signature.ok, json: jsonObject(text) };
}

function jsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
