import { Inject, Injectable } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from 'pino';
import { Topics } from '@oms/contracts';
import { CommitSignal, OutboxRelay } from '@oms/event-store';
import type { MessageBus } from '@oms/messaging';
import { BackgroundWorkLifecycle } from '@oms/nest-kit';
import type { FulfillmentServiceConfig } from '../config/fulfillment-service.config';
import { ClockSkewMonitor } from '../clocks/clock-skew.monitor';
import { TrackPoller } from '../tracking/track-poller';
import { APP_LOGGER, FULFILLMENT_CONFIG, MESSAGE_BUS } from './tokens';

/**
 * Starts the outbox relay (what the service recorded → `oms.fulfillment.events.v1`), the
 * poller and the clock-skew check once the app is up; on shutdown (after Nest stopped consuming and serving) stops the
 * poller, then the relay (it finishes its batch and saves its checkpoint), then the bus — unless
 * the bus was handed in, whose owner closes it — then the pool.
 */
@Injectable()
export class ServiceLifecycle extends BackgroundWorkLifecycle {
  /** Whether the service created its bus (and so closes it). */
  static readonly ownsBus = Symbol('ownsBus');
  private relay?: OutboxRelay;
  private relayStarted?: Promise<void>;

  constructor(
    @Inject(Pool) private readonly pool: Pool,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus<PoolClient>,
    @Inject(ServiceLifecycle.ownsBus) private readonly ownsBus: boolean,
    @Inject(FULFILLMENT_CONFIG) private readonly config: FulfillmentServiceConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    private readonly poller: TrackPoller,
    private readonly clocks: ClockSkewMonitor,
    private readonly commits: CommitSignal,
  ) {
    super();
  }

  protected startWork(): void {
    this.relay = new OutboxRelay({
      pool: this.pool,
      // One leader per schema: services in other schemas of the database never wait on it.
      name: `fulfillment-events@${this.config.DATABASE_SCHEMA}`,
      publish: (messages) => this.bus.producer.send(messages),
      topicFor: () => Topics.fulfillmentEvents,
      logger: this.logger.child({ component: 'outbox-relay' }),
      // The consumers' commits (reservation answers, tracks) are published at once, not at the next poll.
      wakeOn: this.commits,
    });
    // Not awaited: a second instance waits as a standby until the leader's lock is free.
    this.relayStarted = this.relay.start().catch((error: unknown) => this.logger.error({ error: String(error) }, 'outbox relay did not start'));
    this.poller.start();
    this.clocks.start();
  }

  protected async stopWork(): Promise<void> {
    await this.poller.stop();
    await this.clocks.stop();
    await this.relay?.stop();
    await this.relayStarted;
    if (this.ownsBus) await this.bus.close();
    await this.pool.end();
  }
}
