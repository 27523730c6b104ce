import { Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ServerResponse } from 'node:http';
import { sendAnswer } from '../http/http-answer';
import { rawBodyOf, type RawBodyRequest } from '../http/raw-body';
import type { Clock } from '../infrastructure/clock';
import { CLOCK } from '../infrastructure/tokens';
import { ChannelOrderService } from './channel-order.service';

/** `POST /channels/{channel}/orders`: order webhooks of Shopify, Douyin, Pinduoduo and our mini-program. */
@ApiTags('channels')
@Controller('channels')
export class ChannelOrdersController {
  constructor(
    private readonly orders: ChannelOrderService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':channel/orders')
  @ApiOperation({ summary: 'Receive a channel order webhook', description: 'Verifies the channel signature, maps to ChannelOrder, publishes to oms.ingress.orders.v1 (acks all), then answers 202.' })
  @ApiParam({ name: 'channel', enum: ['shopify', 'douyin', 'pinduoduo', 'miniprogram'] })
  @ApiBody({ description: "The channel's payload exactly as it sends it", schema: { type: 'object' } })
  @ApiResponse({ status: 202, description: '{orderReference, channel, channelOrderId, orderDetailUrl}: published' })
  @ApiResponse({ status: 400, description: '{message, problems[]}: the offending fields' })
  @ApiResponse({ status: 401, description: 'Signature does not verify' })
  @ApiResponse({ status: 404, description: 'Unknown channel' })
  async receive(@Param('channel') channel: string, @Req() request: RawBodyRequest, @Res() response: ServerResponse): Promise<void> {
    const result = await this.orders.accept(channel, { headers: request.headers, rawBody: rawBodyOf(request), receivedAtMs: this.clock.now() });
    switch (result.kind) {
      case 'accepted': {
        const { orderReference, orderDetailUrl, channelOrderId } = result;
        return sendAnswer(response, { status: 202, headers: {}, body: { orderReference, channel: result.channel, channelOrderId, orderDetailUrl } });
      }
      case 'unknown-channel':
        return sendAnswer(response, { status: 404, headers: {}, body: { message: `unknown channel ${channel.slice(0, 40)}` } });
      case 'unauthorized':
        return sendAnswer(response, { status: 401, headers: {}, body: { message: 'signature verification failed' } });
      case 'invalid':
        return sendAnswer(response, { status: 400, headers: {}, body: { message: 'invalid order payload', problems: result.problems } });
    }
  }
}
