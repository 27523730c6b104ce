import { Inject, Injectable } from '@nestjs/common';
import { parseIsoDateTime } from '@oms/order-domain';
import { buildWechatpayAuthorization, WechatpayHeaders, type WechatpayTransaction } from '@oms/payment-protocols';
import type { GatewayConfig } from '../../config/gateway-config';
import { CLOCK, GATEWAY_CONFIG } from '../../infrastructure/tokens';
import type { Clock } from '../../infrastructure/clock';
import { verifyWechatpaySignedRequest } from '../wechatpay/wechatpay-signature.verifier';
import { unreachableAnswer, type ProviderTradeAnswer } from './provider-trade-answer';

const QUERY_TIMEOUT_MS = 5_000;

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * WeChat Pay API v3 transaction query (`GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=`),
 * signed with the merchant key (`Authorization: WECHATPAY2-SHA256-RSA2048 …`). The answer's
 * `Wechatpay-*` headers are verified like a notification's: an unsigned answer confirms nothing.
 */
@Injectable()
export class WechatpayTransactionQueryClient {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async query(outTradeNo: string): Promise<ProviderTradeAnswer> {
    const { wechatpay } = this.config;
    const pathWithQuery = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(wechatpay.mchid)}`;
    const authorization = buildWechatpayAuthorization(
      { method: 'GET', pathWithQuery, body: '' },
      { mchid: wechatpay.mchid, serialNo: wechatpay.merchantSerial, privateKey: wechatpay.merchantPrivateKey },
      { timestamp: String(Math.floor(this.clock.now() / 1000)) },
    );
    let response: Response;
    let body: string;
    try {
      response = await fetch(`${wechatpay.apiBaseUrl}${pathWithQuery}`, {
        headers: { authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(QUERY_TIMEOUT_MS),
      });
      body = await response.text();
    } catch (error) {
      return unreachableAnswer(`WeChat Pay query failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.answerOf(response, body);
  }

  private answerOf(response: Response, body: string): ProviderTradeAnswer {
    const header = (name: string) => response.headers.get(name) ?? undefined;
    const signature = verifyWechatpaySignedRequest(
      { timestamp: header(WechatpayHeaders.timestamp), nonce: header(WechatpayHeaders.nonce), signature: header(WechatpayHeaders.signature), serial: header(WechatpayHeaders.serial), signatureType: undefined, body },
      this.config.wechatpay.platformKeys,
      this.clock.now(),
    );
    const json = parseJson(body);
    if (response.status !== 200) {
      return { ...unreachableAnswer(body), httpStatus: response.status, signatureVerified: signature.ok, tradeState: typeof json['code'] === 'string' ? json['code'] : 'QUERY_FAILED' };
    }
    const transaction = json as Partial<WechatpayTransaction>;
    const success = typeof transaction.success_time === 'string' ? parseIsoDateTime(transaction.success_time) : null;
    const total = transaction.amount?.total;
    return {
      httpStatus: 200,
      rawResponse: body,
      signatureVerified: signature.ok,
      tradeState: typeof transaction.trade_state === 'string' ? transaction.trade_state : 'UNKNOWN',
      transactionId: typeof transaction.transaction_id === 'string' ? transaction.transaction_id : null,
      amount: typeof total === 'number' && Number.isSafeInteger(total) ? total : null,
      currency: typeof transaction.amount?.currency === 'string' ? transaction.amount.currency : null,
      successAt: success && typeof transaction.success_time === 'string' ? { epochMs: success.epochMs, text: transaction.success_time } : null,
    };
  }
}
