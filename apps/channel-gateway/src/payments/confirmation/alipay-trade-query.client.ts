import { Inject, Injectable } from '@nestjs/common';
import { parseAlipayTime, yuanTextToFen } from '@oms/payment-protocols';
import type { GatewayConfig } from '../../config/gateway-config';
import type { Clock } from '../../infrastructure/clock';
import { CLOCK, GATEWAY_CONFIG } from '../../infrastructure/tokens';
import { alipayText, callAlipayOpenApi, type AlipayOpenApiAnswer } from '../alipay/alipay-open-api';
import { unreachableAnswer, type ProviderTradeAnswer } from './provider-trade-answer';

const QUERY_TIMEOUT_MS = 5_000;

/**
 * Alipay `alipay.trade.query` through the open-API gateway, signed RSA2 with the application key;
 * the `alipay_trade_query_response` text is verified with Alipay's key.
 */
@Injectable()
export class AlipayTradeQueryClient {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async query(outTradeNo: string): Promise<ProviderTradeAnswer> {
    const answer = await callAlipayOpenApi(this.config.alipay, 'alipay.trade.query', { out_trade_no: outTradeNo }, this.clock.now(), QUERY_TIMEOUT_MS);
    return 'error' in answer ? unreachableAnswer(answer.error) : this.tradeAnswerOf(answer);
  }

  private tradeAnswerOf({ httpStatus, body, signatureVerified, answer }: AlipayOpenApiAnswer): ProviderTradeAnswer {
    const text = (name: string) => alipayText(answer, name);
    const paid = text('send_pay_date') ? parseAlipayTime(text('send_pay_date') as string) : null;
    const succeeded = text('code') === '10000';
    return {
      httpStatus,
      rawResponse: body,
      signatureVerified,
      tradeState: (succeeded ? text('trade_status') : (text('sub_code') ?? text('code'))) ?? 'QUERY_FAILED',
      transactionId: text('trade_no'),
      amount: text('total_amount') === null ? null : yuanTextToFen(text('total_amount') as string),
      currency: succeeded ? (text('trans_currency') ?? this.config.currency) : null,
      successAt: paid ? { epochMs: paid.epochMs, text: paid.isoText } : null,
    };
  }
}
