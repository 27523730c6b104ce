import { Inject, Injectable } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import { CommitSignal, type OutboxRelay } from '@oms/event-store';
import type { MessageBus } from '@oms/messaging';
import { BackgroundWorkLifecycle } from '@oms/nest-kit';
import { ParkedPaymentSweeper } from '../ingress/parked-payment.sweeper';
import { WebhookDeliveryWorker } from '../notifications/webhook-delivery.worker';
import { PaymentTimeoutSweeper } from '../orders/payment-timeout.sweeper';
import { createOrderEventsRelay } from '../outbox/order-events.relay';
import { RelayThread } from '../outbox/relay-thread';
import type { OrderServiceConfig } from '../config/order-service.config';
import { APP_LOGGER, MESSAGE_BUS, ORDER_SERVICE_CONFIG, RELAY_ON_THREAD } from './tokens';

/**
 * Starts the background work (outbox relay — on a worker thread of its own on Kafka —, webhook worker, payment timer, parked-payment sweep) once the app is up,
 * and shuts down in order after Nest has stopped consuming and serving: relay (finishes its batch
 * and saves its checkpoint), webhook worker, payment timer, parked-payment sweep, Kafka clients, then the database pool.
 */
@Injectable()
export class ServiceLifecycle extends BackgroundWorkLifecycle {
  private relay?: OutboxRelay;
  private relayStarted?: Promise<void>;
  private relayThread?: RelayThread;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus<PoolClient>,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(ORDER_SERVICE_CONFIG) private readonly config: OrderServiceConfig,
    @Inject(RELAY_ON_THREAD) private readonly relayOnThread: boolean,
    private readonly commits: CommitSignal,
    private readonly webhooks: WebhookDeliveryWorker,
    private readonly paymentTimeouts: PaymentTimeoutSweeper,
    private readonly parkedPayments: ParkedPaymentSweeper,
  ) {
    super();
  }

  protected startWork(): void {
    if (this.relayOnThread) this.startRelayThread();
    else this.startRelay();
    this.webhooks.start();
    this.paymentTimeouts.start();
    this.parkedPayments.start(this.config.PARKED_PAYMENT_SWEEP_MS);
  }

  private startRelay(): void {
    this.relay = createOrderEventsRelay(this.pool, this.config.DATABASE_SCHEMA, this.bus.producer, this.logger, this.commits);
    // Not awaited: a second instance waits as a standby until the leader's lock is free.
    this.relayStarted = this.relay.start().catch((error: unknown) => this.logger.error({ error: String(error) }, 'outbox relay did not start'));
  }

  private startRelayThread(): void {
    const { DATABASE_URL, DATABASE_SCHEMA, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX } = this.config;
    const settings = { databaseUrl: DATABASE_URL, schema: DATABASE_SCHEMA, kafkaBrokers: KAFKA_BROKERS, topicPrefix: KAFKA_TOPIC_PREFIX, logLevel: this.logger.level };
    this.relayThread = new RelayThread(settings, this.commits, this.logger.child({ component: 'outbox-relay' }));
    this.relayThread.start();
  }

  protected async stopWork(): Promise<void> {
    await this.relayThread?.stop();
    await this.relay?.stop();
    await this.relayStarted;
    await this.webhooks.stop();
    await this.paymentTimeouts.stop();
    await this.parkedPayments.stop();
    await this.bus.close();
    await this.pool.end();
  }
}
