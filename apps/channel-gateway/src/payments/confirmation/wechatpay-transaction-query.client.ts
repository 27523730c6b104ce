import { Inject, Injectable } from '@nestjs/common';
import { parseIsoDateTime } from '@oms/order-domain';
import type { WechatpayTransaction } from '@oms/payment-protocols';
import type { GatewayConfig } from '../../config/gateway-config';
import { CLOCK, GATEWAY_CONFIG } from '../../infrastructure/tokens';
import type { Clock } from '../../infrastructure/clock';
import { callWechatpayApi, type WechatpayApiAnswer } from '../wechatpay/wechatpay-api.call';
import { unreachableAnswer, type ProviderTradeAnswer } from './provider-trade-answer';

const QUERY_TIMEOUT_MS = 5_000;

/**
 * WeChat Pay API v3 transaction query (`GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=`),
 * signed with the merchant key; the answer's `Wechatpay-*` signature is verified — an unsigned
 * answer confirms nothing.
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
    const answer = await callWechatpayApi(wechatpay, { method: 'GET', pathWithQuery }, this.clock.now(), QUERY_TIMEOUT_MS);
    return 'error' in answer ? unreachableAnswer(answer.error) : tradeAnswerOf(answer);
  }
}

function tradeAnswerOf({ httpStatus, body, signatureVerified, json }: WechatpayApiAnswer): ProviderTradeAnswer {
  if (httpStatus !== 200) {
    return { ...unreachableAnswer(body), httpStatus, signatureVerified, tradeState: typeof json['code'] === 'string' ? json['code'] : 'QUERY_FAILED' };
  }
  const transaction = json as Partial<WechatpayTransaction>;
  const success = typeof transaction.success_time === 'string' ? parseIsoDateTime(transaction.success_time) : null;
  const total = transaction.amount?.total;
  return {
    httpStatus: 200,
    rawResponse: body,
    signatureVerified,
    tradeState: typeof transaction.trade_state === 'string' ? transaction.trade_state : 'UNKNOWN',
    transactionId: typeof transaction.transaction_id === 'string' ? transaction.transaction_id : null,
    amount: typeof total === 'number' && Number.isSafeInteger(total) ? total : null,
    currency: typeof transaction.amount?.currency === 'string' ? transaction.amount.currency : null,
    successAt: success && typeof transaction.success_time === 'string' ? { epochMs: success.epochMs, text: transaction.success_time } : null,
  };
}
