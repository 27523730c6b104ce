import { Module } from '@nestjs/common';
import type { GatewayConfig } from '../config/gateway-config';
import { GATEWAY_CONFIG } from '../infrastructure/tokens';
import { PaymentsModule } from '../payments/payments.module';
import { CHANNEL_ADAPTERS, type ChannelAdapter } from './channel-adapter';
import { ChannelOrderService } from './channel-order.service';
import { ChannelOrdersController } from './channel-orders.controller';
import { DouyinChannelAdapter } from './douyin/douyin-channel.adapter';
import { MiniprogramChannelAdapter } from './miniprogram/miniprogram-channel.adapter';
import { PinduoduoChannelAdapter } from './pinduoduo/pinduoduo-channel.adapter';
import { ShopifyChannelAdapter } from './shopify/shopify-channel.adapter';

/** One adapter per sales channel; adding a channel is adding an adapter here. */
export function channelAdapters(config: GatewayConfig): ChannelAdapter[] {
  const { channels } = config;
  return [
    new ShopifyChannelAdapter(channels.shopifySecret),
    new DouyinChannelAdapter(channels.douyinAppKey, channels.douyinAppSecret),
    new PinduoduoChannelAdapter(channels.pinduoduoClientSecret),
    new MiniprogramChannelAdapter(channels.miniprogramSecret),
  ];
}

/** Channel order webhooks → `oms.ingress.orders.v1`. */
@Module({
  imports: [PaymentsModule],
  controllers: [ChannelOrdersController],
  providers: [{ provide: CHANNEL_ADAPTERS, inject: [GATEWAY_CONFIG], useFactory: channelAdapters }, ChannelOrderService],
})
export class ChannelsModule {}
