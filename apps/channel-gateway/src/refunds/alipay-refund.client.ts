import { Inject, Injectable } from '@nestjs/common';
import { fenToYuanText, parseAlipayTime } from '@oms/payment-protocols';
import type { GatewayConfig } from '../config/gateway-config';
import type { Clock } from '../infrastructure/clock';
import { CLOCK, GATEWAY_CONFIG } from '../infrastructure/tokens';
import { alipayText, callAlipayOpenApi, type AlipayOpenApiAnswer } from '../payments/alipay/alipay-open-api';
import { unreachableRefundAnswer, type ProviderRefundAnswer } from './provider-refund-answer';
import type { OwedRefund } from './refund-request.repository';

const REFUND_TIMEOUT_MS = 10_000;

/**
 * Alipay `alipay.trade.refund` through the open-API gateway, signed RSA2 with the application key;
 * the `alipay_trade_refund_response` text is verified with Alipay's key. `out_request_no` is
 * Alipay's idempotency key: the same number again answers success with `fund_change: N` and moves
 * no money, so a retry never refunds twice. Alipay refunds synchronously: code 10000 is the
 * outcome, SUCCESS.
 */
@Injectable()
export class AlipayRefundClient {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async refund(refund: OwedRefund): Promise<ProviderRefundAnswer> {
    const bizContent = {
      out_trade_no: refund.outTradeNo,
      ...(refund.transactionId ? { trade_no: refund.transactionId } : {}),
      refund_amount: fenToYuanText(refund.refundAmount),
      out_request_no: refund.outRefundNo,
      refund_reason: refund.detail ? `${refund.reason}: ${refund.detail}` : refund.reason,
    };
    const answer = await callAlipayOpenApi(this.config.alipay, 'alipay.trade.refund', bizContent, this.clock.now(), REFUND_TIMEOUT_MS);
    return 'error' in answer ? unreachableRefundAnswer(answer.error) : refundAnswerOf(answer);
  }
}

function refundAnswerOf({ httpStatus, body, signatureVerified, answer }: AlipayOpenApiAnswer): ProviderRefundAnswer {
  const text = (name: string) => alipayText(answer, name);
  const succeeded = httpStatus === 200 && text('code') === '10000';
  const refundedAt = text('gmt_refund_pay');
  const success = succeeded && refundedAt ? parseAlipayTime(refundedAt) : null;
  return {
    httpStatus,
    rawResponse: body,
    signatureVerified,
    status: succeeded ? 'SUCCESS' : null,
    providerStatus: succeeded ? `10000 fund_change=${text('fund_change') ?? '?'}` : (text('sub_code') ?? text('code') ?? `HTTP_${httpStatus}`),
    refundId: null,
    transactionId: text('trade_no'),
    userReceivedAccount: null,
    successAt: success ? { epochMs: success.epochMs, text: success.isoText } : null,
  };
}
