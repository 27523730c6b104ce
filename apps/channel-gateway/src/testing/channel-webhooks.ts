import { douyinEventSign, miniprogramOrderSignature, pinduoduoPushSign, shopifyWebhookHmac } from '@oms/payment-protocols';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testMerchant } from './test-merchant';

/** The channels' `{channel}` path segments. */
export type ChannelSegment = 'shopify' | 'douyin' | 'pinduoduo' | 'miniprogram';

/** The realistic payload fixture of a channel (raw JSON text, as the platform would send it). */
export function channelFixture(channel: ChannelSegment): string {
  const file = { shopify: 'shopify-orders-create.json', douyin: 'douyin-order-detail.json', pinduoduo: 'pinduoduo-order-information.json', miniprogram: 'miniprogram-order.json' }[channel];
  return readFileSync(join(__dirname, '..', 'channels', 'fixtures', file), 'utf8');
}

/** The headers a channel sends with `body`, signed with the test secrets. */
export function channelHeaders(channel: ChannelSegment, body: string, nowMs = Date.now()): Record<string, string> {
  switch (channel) {
    case 'shopify':
      return { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': 'qingye-tea.myshopify.com', 'x-shopify-hmac-sha256': shopifyWebhookHmac(body, testMerchant.shopifySecret) };
    case 'douyin':
      return { 'content-type': 'application/json', 'sign-method': 'hmac-sha256', 'event-sign': douyinEventSign(body, testMerchant.douyinAppKey, testMerchant.douyinAppSecret) };
    case 'pinduoduo':
      return { 'content-type': 'application/json', 'x-pdd-mall-id': '512345678', 'x-pdd-sign': pinduoduoPushSign(body, testMerchant.pinduoduoClientSecret) };
    case 'miniprogram': {
      const timestamp = String(Math.floor(nowMs / 1000));
      return { 'content-type': 'application/json', 'x-oms-timestamp': timestamp, 'x-oms-signature': miniprogramOrderSignature(timestamp, body, testMerchant.miniprogramSecret) };
    }
  }
}

/** A fixture with fields replaced (e.g. unique ids), re-serialised. */
export function editedFixture(channel: ChannelSegment, edit: (payload: Record<string, unknown>) => void): string {
  const payload = JSON.parse(channelFixture(channel)) as Record<string, unknown>;
  edit(payload);
  return JSON.stringify(payload);
}
