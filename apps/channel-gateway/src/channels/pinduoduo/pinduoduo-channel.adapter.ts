import { verifyPinduoduoPushSign } from '@oms/payment-protocols';
import type { ChannelAdaptation, ChannelAdapter, ChannelWebhook } from '../channel-adapter';
import { adaptJson } from '../common/json-payload';
import { mapPinduoduoOrder } from './pinduoduo-order.mapper';

/**
 * Pinduoduo orders relayed from its message service: `x-pdd-sign` (base64 HMAC-SHA256 of the raw
 * body with the client secret) is verified first; `x-pdd-mall-id` names the shop.
 */
export class PinduoduoChannelAdapter implements ChannelAdapter {
  readonly pathSegment = 'pinduoduo';
  readonly channel = 'PINDUODUO' as const;

  constructor(private readonly clientSecret: string) {}

  adapt(webhook: ChannelWebhook): ChannelAdaptation {
    const sign = webhook.headers['x-pdd-sign'];
    if (typeof sign !== 'string' || !verifyPinduoduoPushSign(webhook.rawBody, sign, this.clientSecret)) return { kind: 'unauthorized', detail: 'x-pdd-sign does not verify' };
    const mallId = webhook.headers['x-pdd-mall-id'];
    if (typeof mallId !== 'string' || !/^\d{1,20}$/.test(mallId)) return { kind: 'invalid', problems: ['x-pdd-mall-id: expected the mall id'] };
    return adaptJson(webhook.rawBody, (body) => mapPinduoduoOrder(body, { shopId: mallId, rawPayload: webhook.rawBody.toString('utf8'), receivedAtMs: webhook.receivedAtMs }));
  }
}
