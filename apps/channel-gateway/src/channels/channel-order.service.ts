import { Inject, Injectable, Logger } from '@nestjs/common';
import { InvalidRecordError, type OutgoingMessage } from '@oms/contracts';
import type { Pool } from 'pg';
import type { GatewayConfig } from '../config/gateway-config';
import { IngressPublisher } from '../infrastructure/ingress.publisher';
import { GATEWAY_CONFIG, PG_POOL } from '../infrastructure/tokens';
import { gatewayMetrics } from '../operations/gateway-metrics';
import { ExpectedPaymentRepository } from '../payments/intake/expected-payment.repository';
import { CHANNEL_ADAPTERS, type ChannelAdapter, type ChannelWebhook } from './channel-adapter';
import { channelOrderMessage, orderReferenceOf } from './channel-order.message';
import { orderDetailUrl } from './order-detail-link';

/** How a channel order webhook ended. */
export type ChannelOrderResult =
  | { kind: 'accepted'; orderReference: string; channel: string; channelOrderId: string; orderDetailUrl: string }
  | { kind: 'unknown-channel' }
  | { kind: 'unauthorized'; detail: string }
  | { kind: 'invalid'; problems: string[] };

/**
 * Accepts a channel order: the channel's adapter verifies and maps it, the expected payment is
 * noted (for the amount check of later notifications), and the ChannelOrder is published (acks
 * all) before the caller answers 2xx. Refused webhooks publish nothing.
 */
@Injectable()
export class ChannelOrderService {
  private readonly logger = new Logger(ChannelOrderService.name);

  constructor(
    @Inject(CHANNEL_ADAPTERS) private readonly adapters: ChannelAdapter[],
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly expectedPayments: ExpectedPaymentRepository,
    private readonly publisher: IngressPublisher,
  ) {}

  async accept(pathSegment: string, webhook: ChannelWebhook): Promise<ChannelOrderResult> {
    const adapter = this.adapters.find((candidate) => candidate.pathSegment === pathSegment);
    if (!adapter) return { kind: 'unknown-channel' };
    const adaptation = adapter.adapt(webhook);
    if (adaptation.kind !== 'order') return this.refused(adapter, adaptation);
    const order = adaptation.order;
    let message: OutgoingMessage;
    try {
      message = channelOrderMessage(order);
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      return this.refused(adapter, { kind: 'invalid', problems: error.problems.map((problem) => `${problem.path}: ${problem.problem}`) });
    }
    if (order.outTradeNo) {
      await this.expectedPayments.record(this.pool, { outTradeNo: order.outTradeNo, channel: order.channel, channelOrderId: order.channelOrderId, amount: order.payableTotal, currency: order.currency });
    }
    await this.publisher.publish(message);
    gatewayMetrics.channelOrders.inc({ channel: adapter.pathSegment, outcome: 'accepted' });
    const orderReference = orderReferenceOf(order);
    return { kind: 'accepted', orderReference, channel: order.channel, channelOrderId: order.channelOrderId, orderDetailUrl: orderDetailUrl(this.config.orderDetail.baseUrl, orderReference, this.config.orderDetail.utmCampaign) };
  }

  private refused(adapter: ChannelAdapter, result: Exclude<ChannelOrderResult, { kind: 'accepted' | 'unknown-channel' }>): ChannelOrderResult {
    gatewayMetrics.channelOrders.inc({ channel: adapter.pathSegment, outcome: result.kind });
    this.logger.warn({ channel: adapter.channel, outcome: result.kind, detail: result.kind === 'invalid' ? result.problems.slice(0, 10) : result.detail }, 'channel order refused');
    return result;
  }
}
