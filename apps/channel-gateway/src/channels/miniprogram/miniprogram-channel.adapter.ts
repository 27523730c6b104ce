import { verifyMiniprogramOrderSignature } from '@oms/payment-protocols';
import type { ChannelAdaptation, ChannelAdapter, ChannelWebhook } from '../channel-adapter';
import { adaptJson } from '../common/json-payload';
import { mapMiniprogramOrder } from './miniprogram-order.mapper';

/** Same window as WeChat Pay's: a signed order older than 5 minutes is a replay. */
const MAX_AGE_SECONDS = 300;

/**
 * Our mini-program's order webhook: `x-oms-signature` = hex HMAC-SHA256(secret, timestamp + "." +
 * body) and `x-oms-timestamp` (Unix seconds) within 300 s of now.
 */
export class MiniprogramChannelAdapter implements ChannelAdapter {
  readonly pathSegment = 'miniprogram';
  readonly channel = 'MINI_PROGRAM' as const;

  constructor(private readonly secret: string) {}

  adapt(webhook: ChannelWebhook): ChannelAdaptation {
    const timestamp = webhook.headers['x-oms-timestamp'];
    const signature = webhook.headers['x-oms-signature'];
    if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp) || Math.abs(webhook.receivedAtMs / 1000 - Number(timestamp)) >= MAX_AGE_SECONDS) {
      return { kind: 'unauthorized', detail: 'x-oms-timestamp missing or outside the 300 s window' };
    }
    if (typeof signature !== 'string' || !verifyMiniprogramOrderSignature(timestamp, webhook.rawBody, signature, this.secret)) {
      return { kind: 'unauthorized', detail: 'x-oms-signature does not verify' };
    }
    return adaptJson(webhook.rawBody, (order) => mapMiniprogramOrder(order, { rawPayload: webhook.rawBody.toString('utf8'), receivedAtMs: webhook.receivedAtMs }));
  }
}
