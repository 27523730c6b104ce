import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { PoisonMessageError, type ConsumedMessage, type MessageBus, type SubscribeOptions, type Subscription } from '@oms/messaging';
import { KafkaMessageContext } from './kafka-message.context';

/** What the transport subscribes with; handlers come from the app's `@EventPattern`s. */
export type KafkaEventTransportOptions<TValue, TClient> = Omit<SubscribeOptions<TValue, TClient>, 'topics' | 'handler'>;

/**
 * A Nest custom transport over our messaging layer (not Nest's built-in Kafka transport, which
 * handles one message at a time, retries a poison message for ever and has no dead-letter path).
 * Handlers keep Nest's shape:
 *
 * @example
 * @EventPattern(Topics.ingressOrders)
 * accept(@Payload() message: ConsumedMessage<DecodedRecord>, @Ctx() context: KafkaMessageContext<PoolClient>) { ... }
 *
 * Every `@EventPattern` becomes a topic of one subscription (one consumer group); each record
 * runs its topic's handler inside the batch's transaction.
 */
export class KafkaEventTransport<TValue, TClient> extends Server implements CustomTransportStrategy {
  private subscription?: Subscription;
  /** Nest's pattern lookup normalises the pattern on every call; a topic's handler never changes. */
  private readonly handlersByTopic = new Map<string, ReturnType<Server['getHandlerByPattern']>>();

  constructor(
    private readonly bus: MessageBus<TClient>,
    private readonly options: KafkaEventTransportOptions<TValue, TClient>,
  ) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const topics = [...this.messageHandlers.keys()];
      this.subscription = await this.bus.subscribe({ ...this.options, topics, handler: (message, tx) => this.dispatch(message, tx) });
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
  }

  on(): void {
    // Status events are not exposed: the messaging layer logs and supervises the consumer.
  }

  unwrap<T>(): T {
    return this.bus as T;
  }

  private handlerOf(topic: string): ReturnType<Server['getHandlerByPattern']> {
    let handler = this.handlersByTopic.get(topic);
    if (handler === undefined) {
      handler = this.getHandlerByPattern(topic);
      this.handlersByTopic.set(topic, handler);
    }
    return handler;
  }

  private async dispatch(message: ConsumedMessage<TValue>, tx: TClient): Promise<void> {
    const handler = this.handlerOf(message.topic);
    if (!handler) throw new PoisonMessageError(`No @EventPattern handler for topic ${message.topic}`);
    const result = await handler(message, new KafkaMessageContext<TClient>([message, tx]));
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }
}
