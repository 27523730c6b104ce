import { CallbackHeaders } from '@oms/payment-protocols';
import type { HttpAnswer } from '../../http/http-answer';
import type { NotificationVerdict } from '../intake/notification-verdict';
import { REFUSAL_STATUS } from '../intake/refusal-status';

/**
 * The answer WeChat Pay expects (API v3 "通知应答"): success is HTTP 200 (or 204) with no body;
 * failure is 4xx/5xx with `{"code": …, "message": …}`, after which WeChat Pay retries. Our 200
 * adds X-Callback-Verified and X-Callback-Timestamp.
 */
export function wechatpayAnswer(verdict: NotificationVerdict): HttpAnswer {
  switch (verdict.kind) {
    case 'durable':
      return { status: 200, headers: { [CallbackHeaders.verified]: verdict.callbackVerified, [CallbackHeaders.timestamp]: verdict.callbackTimestamp } };
    case 'refused': {
      const { status, code } = REFUSAL_STATUS[verdict.refusal.reason];
      return { status, headers: {}, body: { code, message: verdict.refusal.reason } };
    }
    case 'failed':
      return { status: 500, headers: {}, body: { code: 'SYSTEM_ERROR', message: 'not recorded, please retry' } };
  }
}
