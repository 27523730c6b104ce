import type { OutgoingMessage } from '@oms/contracts';
import type { MessageBus, Subscription, TopicSpec } from './message-bus';
import type { MessageProducer } from './message-producer';
import type { SubscribeOptions } from './subscribe-options';

/**
 * A bus whose topics all carry a prefix, while the service keeps using the public names
 * (`@EventPattern(Topics.ingressOrders)`, the outbox's `oms.order.events.v1`). With an empty
 * prefix it is the bus itself; tests give each run a prefix of its own, so they never read
 * another run's records and need not scan the shared topics' history.
 */
export class PrefixedTopicsBus<TClient> implements MessageBus<TClient> {
  readonly producer: MessageProducer;

  constructor(
    private readonly bus: MessageBus<TClient>,
    private readonly prefix: string,
  ) {
    this.producer = { send: (messages: OutgoingMessage[]) => bus.producer.send(messages.map((message) => ({ ...message, topic: this.actual(message.topic) }))) };
  }

  /** The topic name on the broker. */
  actual(topic: string): string {
    return `${this.prefix}${topic}`;
  }

  subscribe<TValue>(options: SubscribeOptions<TValue, TClient>): Promise<Subscription> {
    const topics = options.topics.map((topic) => (typeof topic === 'string' ? this.actual(topic) : topic));
    return this.bus.subscribe({
      ...options,
      topics,
      handler: (message, tx) => options.handler({ ...message, topic: this.publicName(message.topic) }, tx),
      onBatchProcessed:
        options.onBatchProcessed &&
        ((summary) =>
          options.onBatchProcessed?.({
            ...summary,
            topic: this.publicName(summary.topic),
            partitions: summary.partitions.map((range) => ({ ...range, topic: this.publicName(range.topic) })),
          })),
    });
  }

  ensureTopics(topics: TopicSpec[]): Promise<void> {
    return this.bus.ensureTopics(topics.map((spec) => ({ ...spec, topic: this.actual(spec.topic) })));
  }

  close(): Promise<void> {
    return this.bus.close();
  }

  private publicName(topic: string): string {
    return topic.startsWith(this.prefix) ? topic.slice(this.prefix.length) : topic;
  }
}
