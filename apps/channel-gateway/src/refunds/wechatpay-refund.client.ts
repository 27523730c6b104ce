import { Inject, Injectable } from '@nestjs/common';
import { refundStatusSymbols, type RefundStatus } from '@oms/contracts';
import { parseIsoDateTime } from '@oms/order-domain';
import type { GatewayConfig } from '../config/gateway-config';
import type { Clock } from '../infrastructure/clock';
import { CLOCK, GATEWAY_CONFIG } from '../infrastructure/tokens';
import { callWechatpayApi, type WechatpayApiAnswer } from '../payments/wechatpay/wechatpay-api.call';
import { unreachableRefundAnswer, type ProviderRefundAnswer } from './provider-refund-answer';
import type { OwedRefund } from './refund-request.repository';

const REFUND_TIMEOUT_MS = 10_000;
// WeChat Pay allows 80 characters of reason.
const MAX_REASON_CHARS = 80;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * WeChat Pay API v3 domestic refund (`POST /v3/refund/domestic/refunds`), signed with the merchant
 * key; the answer's `Wechatpay-*` signature is verified. `out_refund_no` is WeChat Pay's
 * idempotency key: the same number again returns the refund already made, so a retry never
 * refunds twice.
 */
@Injectable()
export class WechatpayRefundClient {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async refund(refund: OwedRefund, totalAmount: number): Promise<ProviderRefundAnswer> {
    const body = JSON.stringify({
      // WeChat Pay names the trade by either id; its own transaction id when we have it.
      ...(refund.transactionId ? { transaction_id: refund.transactionId } : { out_trade_no: refund.outTradeNo }),
      out_refund_no: refund.outRefundNo,
      reason: [...`${refund.reason}${refund.detail ? `: ${refund.detail}` : ''}`].slice(0, MAX_REASON_CHARS).join(''),
      amount: { refund: refund.refundAmount, total: totalAmount, currency: refund.currency },
    });
    const answer = await callWechatpayApi(this.config.wechatpay, { method: 'POST', pathWithQuery: '/v3/refund/domestic/refunds', body }, this.clock.now(), REFUND_TIMEOUT_MS);
    return 'error' in answer ? unreachableRefundAnswer(answer.error) : refundAnswerOf(answer);
  }
}

function refundAnswerOf({ httpStatus, body, signatureVerified, json }: WechatpayApiAnswer): ProviderRefundAnswer {
  const state = text(json['status']);
  const status = httpStatus === 200 && refundStatusSymbols.includes(state as RefundStatus) ? (state as RefundStatus) : null;
  const successText = text(json['success_time']);
  const success = successText ? parseIsoDateTime(successText) : null;
  return {
    httpStatus,
    rawResponse: body,
    signatureVerified,
    status,
    providerStatus: (status ? state : text(json['code'])) ?? `HTTP_${httpStatus}`,
    refundId: text(json['refund_id']),
    transactionId: text(json['transaction_id']),
    userReceivedAccount: text(json['user_received_account']),
    successAt: success && successText ? { epochMs: success.epochMs, text: successText } : null,
  };
}
