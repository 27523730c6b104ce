import { verifyDouyinEventSign } from '@oms/payment-protocols';
import type { ChannelAdaptation, ChannelAdapter, ChannelWebhook } from '../channel-adapter';
import { adaptJson } from '../common/json-payload';
import { mapDouyinOrder } from './douyin-order.mapper';

/**
 * Douyin shop order pushes: `event-sign` = hex HMAC-SHA256(app_secret, app_key + body +
 * app_secret) with `sign-method: hmac-sha256`, verified over the raw body before parsing. The
 * body is the order detail (`shop_order_detail`).
 */
export class DouyinChannelAdapter implements ChannelAdapter {
  readonly pathSegment = 'douyin';
  readonly channel = 'DOUYIN' as const;

  constructor(
    private readonly appKey: string,
    private readonly appSecret: string,
  ) {}

  adapt(webhook: ChannelWebhook): ChannelAdaptation {
    const sign = webhook.headers['event-sign'];
    const method = webhook.headers['sign-method'];
    if (method !== undefined && method !== 'hmac-sha256') return { kind: 'unauthorized', detail: 'sign-method must be hmac-sha256' };
    if (typeof sign !== 'string' || !verifyDouyinEventSign(webhook.rawBody, sign, this.appKey, this.appSecret)) {
      return { kind: 'unauthorized', detail: 'event-sign does not verify' };
    }
    return adaptJson(webhook.rawBody, (body) => mapDouyinOrder(body, { rawPayload: webhook.rawBody.toString('utf8'), receivedAtMs: webhook.receivedAtMs }));
  }
}
