import { httpExchange, type HttpExchangeResponse } from '@oms/http-client';
import { formatAlipayTime, signAlipayParams, verifyAlipayResponse } from '@oms/payment-protocols';
import type { AlipayMerchantConfig } from '../../config/gateway-config';

/** An answer of Alipay's open API: the `<method>_response` object, and whether its text is signed by Alipay. */
export interface AlipayOpenApiAnswer {
  httpStatus: number;
  /** The body exactly as received. */
  body: string;
  signatureVerified: boolean;
  /** The `<method>_response` object; empty when the body had none. */
  answer: Record<string, unknown>;
}

/** The answer's string field, or null when absent or empty. */
export function alipayText(answer: Record<string, unknown>, name: string): string | null {
  const value = answer[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * One call of Alipay's open API through the gateway (`alipay.trade.query`, `alipay.trade.refund`):
 * a form POST of the common parameters and `biz_content`, signed RSA2 with the application key
 * over every parameter but `sign`; the answer's `<method>_response` text verified with Alipay's
 * key. Resolves `{ error }` when no HTTP answer came (network failure, timeout). Through
 * {@link httpExchange}, not `fetch`, whose CPU per call is several times its cost.
 */
export async function callAlipayOpenApi(alipay: AlipayMerchantConfig, method: string, bizContent: object, nowMs: number, timeoutMs: number): Promise<AlipayOpenApiAnswer | { error: string }> {
  const params: Record<string, string> = {
    app_id: alipay.appId,
    method,
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: formatAlipayTime(nowMs),
    version: '1.0',
    biz_content: JSON.stringify(bizContent),
  };
  params['sign'] = signAlipayParams(params, alipay.appPrivateKey, ['sign']);
  let response: HttpExchangeResponse;
  try {
    response = await httpExchange({
      method: 'POST',
      url: alipay.gatewayUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
      timeoutMs,
    });
  } catch (error) {
    return { error: `Alipay ${method} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const body = response.body;
  const responseKey = `${method.replace(/\./g, '_')}_response`;
  let answer: Record<string, unknown> = {};
  try {
    answer = (JSON.parse(body) as Record<string, Record<string, unknown>>)[responseKey] ?? {};
  } catch {
    // An unreadable body stays in `body`; its empty answer concludes nothing.
  }
  return { httpStatus: response.status, body, signatureVerified: verifyAlipayResponse(body, responseKey, alipay.alipayPublicKey), answer };
}
