import type { OutgoingMessage } from '@oms/contracts';
import type { MessageBus, MessageProducer, SubscribeOptions, Subscription, TopicSpec } from '@oms/messaging';

/**
 * The gateway's bus under `KAFKA_TOPIC_PREFIX`: every topic name goes to the broker as
 * `prefix + name`, while the code keeps the contract's names (`Topics.ingressPayments`, …) and
 * handlers see those names back. Tests give each run a prefix (the same one order-service's
 * harness uses), so concurrent runs never share the public topics.
 *
 * The same idea as order-service's `PrefixedTopicsBus`; both belong in `@oms/messaging` once a
 * change there is possible (apps may not import each other).
 */
export function withTopicPrefix<TClient>(bus: MessageBus<TClient>, prefix: string): MessageBus<TClient> {
  if (prefix === '') return bus;
  const onBroker = (topic: string) => `${prefix}${topic}`;
  const inCode = (topic: string) => (topic.startsWith(prefix) ? topic.slice(prefix.length) : topic);
  const producer: MessageProducer = { send: (messages: OutgoingMessage[]) => bus.producer.send(messages.map((message) => ({ ...message, topic: onBroker(message.topic) }))) };
  return {
    producer,
    subscribe: <TValue>(options: SubscribeOptions<TValue, TClient>): Promise<Subscription> =>
      bus.subscribe({
        ...options,
        topics: options.topics.map((topic) => (typeof topic === 'string' ? onBroker(topic) : topic)),
        handler: (message, tx) => options.handler({ ...message, topic: inCode(message.topic) }, tx),
      }),
    ensureTopics: (topics: TopicSpec[]) => bus.ensureTopics(topics.map((spec) => ({ ...spec, topic: onBroker(spec.topic) }))),
    close: () => bus.close(),
  };
}
