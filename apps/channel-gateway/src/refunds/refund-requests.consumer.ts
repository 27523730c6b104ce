import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { decode, Topics, type DecodedRecord } from '@oms/contracts';
import type { ConsumedMessage, MessageBus, Subscription } from '@oms/messaging';
import type { Pool, PoolClient } from 'pg';
import type { GatewayConfig } from '../config/gateway-config';
import { GATEWAY_CONFIG, MESSAGE_BUS, PG_POOL } from '../infrastructure/tokens';
import { RefundRequestRepository } from './refund-request.repository';
import { RefundWorker } from './refund.worker';

/**
 * Reads the order log (`oms.order.events.v1`, consumer group `KAFKA_GROUP_ID`) for
 * RefundRequested — order-service's compensation when a paid order cannot be fulfilled. Each one
 * becomes a row of `refund_requests` in the handler's transaction, together with the messaging
 * inbox row: a redelivered event is dropped by the inbox, and a copy under another id finds its
 * out_refund_no taken. The refund itself is made by the {@link RefundWorker} after the commit,
 * never inside the consumer's transaction (a provider call must not hold a partition).
 *
 * The gateway's own bus hands out PostgreSQL clients (a `PostgresInboxStore`), so the row and the
 * inbox record commit together. A bus handed in with another inbox (the one-process demo's
 * in-memory one) gets the row written on the pool: the out_refund_no key still makes a
 * redelivery harmless.
 */
@Injectable()
export class RefundRequestsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(RefundRequestsConsumer.name);
  private subscription: Subscription | undefined;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus<unknown>,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly requests: RefundRequestRepository,
    private readonly worker: RefundWorker,
  ) {}

  /** With `REFUNDS_ENABLED`: resumes the refunds owed, then joins the group. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.refundsEnabled) return;
    this.worker.start();
    this.subscription = await this.bus.subscribe<DecodedRecord>({
      groupId: `${this.config.kafkaTopicPrefix}${this.config.kafkaGroupId}`,
      topics: [Topics.orderEvents],
      decode: (bytes) => decode(bytes),
      handler: (message, tx) => this.accept(message, isPoolClient(tx) ? tx : this.pool),
      onBatchProcessed: (summary) => {
        if (summary.processed > 0) this.worker.wake();
      },
    });
  }

  /** Stops consuming; the transaction in flight commits first. */
  async stop(): Promise<void> {
    await this.subscription?.close();
  }

  private async accept(message: ConsumedMessage<DecodedRecord>, client: Pool | PoolClient): Promise<void> {
    if (message.value.recordName !== 'RefundRequested') return;
    const refund = message.value.value;
    const fresh = await this.requests.insert(client, refund, message.messageId);
    this.logger.log({ orderId: refund.orderId, outRefundNo: refund.outRefundNo, provider: refund.provider, amount: refund.refundAmount, fresh }, 'refund requested');
  }
}

function isPoolClient(tx: unknown): tx is PoolClient {
  return typeof tx === 'object' && tx !== null && typeof (tx as { query?: unknown }).query === 'function';
}
