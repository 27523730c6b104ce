import { verifyShopifyWebhook } from '@oms/payment-protocols';
import type { ChannelAdaptation, ChannelAdapter, ChannelWebhook } from '../channel-adapter';
import { adaptJson } from '../common/json-payload';
import { mapShopifyOrder } from './shopify-order.mapper';

const header = (webhook: ChannelWebhook, name: string): string | undefined => {
  const value = webhook.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Shopify `orders/create` webhooks: `X-Shopify-Hmac-Sha256` (base64 HMAC-SHA256 of the raw body
 * with the app secret) is verified before anything is parsed; the topic must be orders/create.
 */
export class ShopifyChannelAdapter implements ChannelAdapter {
  readonly pathSegment = 'shopify';
  readonly channel = 'SHOPIFY' as const;

  constructor(private readonly secret: string) {}

  adapt(webhook: ChannelWebhook): ChannelAdaptation {
    if (!verifyShopifyWebhook(webhook.rawBody, header(webhook, 'x-shopify-hmac-sha256'), this.secret)) {
      return { kind: 'unauthorized', detail: 'X-Shopify-Hmac-Sha256 does not verify' };
    }
    const topic = header(webhook, 'x-shopify-topic');
    const shopDomain = header(webhook, 'x-shopify-shop-domain');
    if (topic !== 'orders/create') return { kind: 'invalid', problems: [`X-Shopify-Topic: expected orders/create, got ${String(topic).slice(0, 40)}`] };
    if (!shopDomain) return { kind: 'invalid', problems: ['X-Shopify-Shop-Domain: missing'] };
    return adaptJson(webhook.rawBody, (order) => mapShopifyOrder(order, { shopDomain, rawPayload: webhook.rawBody.toString('utf8'), receivedAtMs: webhook.receivedAtMs }));
  }
}
