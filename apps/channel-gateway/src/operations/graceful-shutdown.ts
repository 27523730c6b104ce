import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { MessageBus } from '@oms/messaging';
import type { Pool } from 'pg';
import { GATEWAY_MODULE_OPTIONS, type GatewayModuleOptions } from '../infrastructure/gateway-module.options';
import { IngressPublisher } from '../infrastructure/ingress.publisher';
import { MESSAGE_BUS, PG_POOL } from '../infrastructure/tokens';
import { ConfirmationWorker } from '../payments/confirmation/confirmation.worker';
import { DurableNotificationIntake } from '../payments/intake/durable-notification.intake';
import { RefundRequestsConsumer } from '../refunds/refund-requests.consumer';
import { RefundWorker } from '../refunds/refund.worker';

/**
 * Graceful shutdown, in one place so the order is explicit. Nest closes the HTTP server first
 * (in-flight requests finish), then calls this: stop reading the order log (its transaction in
 * flight commits), finish the refund attempts and confirmations in flight, let the last
 * intake batch and publishes complete, then close the producer and the pool — so no request that
 * was answered 200 loses its record, and no record is cut off mid-send.
 */
@Injectable()
export class GracefulShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(GATEWAY_MODULE_OPTIONS) private readonly options: GatewayModuleOptions,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus<unknown>,
    private readonly confirmations: ConfirmationWorker,
    private readonly intake: DurableNotificationIntake,
    private readonly publisher: IngressPublisher,
    private readonly refundRequests: RefundRequestsConsumer,
    private readonly refunds: RefundWorker,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.refundRequests.stop();
    await this.refunds.stop();
    await this.confirmations.stop();
    await this.intake.drain();
    await this.publisher.drain();
    // A bus handed in by the caller (tests) is the caller's to close.
    if (!this.options.bus) await this.bus.close();
    await this.pool.end();
  }
}
