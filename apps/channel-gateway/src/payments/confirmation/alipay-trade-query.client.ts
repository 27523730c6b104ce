import { Inject, Injectable } from '@nestjs/common';
import { formatAlipayTime, parseAlipayTime, signAlipayParams, verifyAlipayResponse, yuanTextToFen } from '@oms/payment-protocols';
import type { GatewayConfig } from '../../config/gateway-config';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, GATEWAY_CONFIG } from '../../infrastructure/tokens';
import { unreachableAnswer, type ProviderTradeAnswer } from './provider-trade-answer';

const QUERY_TIMEOUT_MS = 5_000;
const RESPONSE_KEY = 'alipay_trade_query_response';

/**
 * Alipay `alipay.trade.query` through the open-API gateway: a form POST signed RSA2 with the
 * application key (every parameter but `sign`), answered with a JSON body whose
 * `alipay_trade_query_response` text is signed with Alipay's key.
 */
@Injectable()
export class AlipayTradeQueryClient {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async query(outTradeNo: string): Promise<ProviderTradeAnswer> {
    const { alipay } = this.config;
    const params: Record<string, string> = {
      app_id: alipay.appId,
      method: 'alipay.trade.query',
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: formatAlipayTime(this.clock.now()),
      version: '1.0',
      biz_content: JSON.stringify({ out_trade_no: outTradeNo }),
    };
    params['sign'] = signAlipayParams(params, alipay.appPrivateKey, ['sign']);
    let response: Response;
    let body: string;
    try {
      response = await fetch(alipay.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(QUERY_TIMEOUT_MS),
      });
      body = await response.text();
    } catch (error) {
      return unreachableAnswer(`Alipay query failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.answerOf(response.status, body);
  }

  private answerOf(httpStatus: number, body: string): ProviderTradeAnswer {
    let answer: Record<string, unknown> = {};
    try {
      answer = (JSON.parse(body) as Record<string, Record<string, unknown>>)[RESPONSE_KEY] ?? {};
    } catch {
      // An unreadable body stays in rawResponse; the answer confirms nothing.
    }
    const text = (name: string) => (typeof answer[name] === 'string' ? (answer[name] as string) : null);
    const paid = text('send_pay_date') ? parseAlipayTime(text('send_pay_date') as string) : null;
    const succeeded = text('code') === '10000';
    return {
      httpStatus,
      rawResponse: body,
      signatureVerified: verifyAlipayResponse(body, RESPONSE_KEY, this.config.alipay.alipayPublicKey),
      tradeState: (succeeded ? text('trade_status') : (text('sub_code') ?? text('code'))) ?? 'QUERY_FAILED',
      transactionId: text('trade_no'),
      amount: text('total_amount') === null ? null : yuanTextToFen(text('total_amount') as string),
      currency: succeeded ? (text('trans_currency') ?? this.config.currency) : null,
      successAt: paid ? { epochMs: paid.epochMs, text: paid.isoText } : null,
    };
  }
}
