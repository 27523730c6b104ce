import { json, type SimulatorRouter } from '../http/simulator-router';
import { sendChannelWebhook } from './channel-webhook.sender';
import type { ChannelSecrets } from './channel-secrets';
import { douyinOrderWebhook, pinduoduoOrderWebhook } from './marketplace-webhook.builders';
import { miniprogramOrderWebhook } from './miniprogram-webhook.builder';
import { shopifyOrderWebhook } from './shopify-webhook.builder';
import type { SignedWebhook, SimulatedOrder } from './simulated-order';

/** Builds the signed webhook a channel sends for an order. */
export function channelWebhook(channel: string, order: SimulatedOrder, secrets: ChannelSecrets): SignedWebhook | undefined {
  switch (channel) {
    case 'shopify':
      return shopifyOrderWebhook(order, secrets.shopifySecret);
    case 'douyin':
      return douyinOrderWebhook(order, secrets.douyinAppKey, secrets.douyinAppSecret);
    case 'pinduoduo':
      return pinduoduoOrderWebhook(order, secrets.pinduoduoClientSecret);
    case 'miniprogram':
      return miniprogramOrderWebhook(order, secrets.miniprogramSecret);
    default:
      return undefined;
  }
}

/**
 * `POST /simulator/channels/{channel}/orders {gatewayUrl, order}`: the channel sends its signed
 * order webhook to the gateway; the gateway's answer is returned.
 */
export function registerChannelControl(router: SimulatorRouter, secrets: ChannelSecrets): void {
  router.on('POST', /^\/simulator\/channels\/([a-z]+)\/orders$/, async (request) => {
    const { gatewayUrl, order } = JSON.parse(request.body) as { gatewayUrl: string; order: SimulatedOrder };
    const webhook = channelWebhook(request.params[0], order, secrets);
    if (!webhook) return json(404, { message: `no simulator for channel ${request.params[0]}` });
    return json(200, await sendChannelWebhook(gatewayUrl, webhook));
  });
}
