import { CallbackHeaders } from '@oms/payment-protocols';
import type { HttpAnswer } from '../../http/http-answer';
import type { NotificationVerdict } from '../intake/notification-verdict';
import { REFUSAL_STATUS } from '../intake/refusal-status';

/**
 * The answer Alipay expects: the exact text `success` once the fact is durable; anything else
 * (we send `failure`) makes Alipay retry on its schedule. The status code follows the same table
 * as WeChat Pay so operators read one vocabulary.
 */
export function alipayAnswer(verdict: NotificationVerdict): HttpAnswer {
  switch (verdict.kind) {
    case 'durable':
      return { status: 200, headers: { [CallbackHeaders.verified]: verdict.callbackVerified, [CallbackHeaders.timestamp]: verdict.callbackTimestamp }, body: 'success' };
    case 'refused':
      return { status: REFUSAL_STATUS[verdict.refusal.reason].status, headers: {}, body: 'failure' };
    case 'failed':
      return { status: 500, headers: {}, body: 'failure' };
  }
}
