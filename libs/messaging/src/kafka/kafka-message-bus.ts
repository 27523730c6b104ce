import { Kafka } from 'kafkajs';
import './kafkajs-idle-loop.patch';
import type { MessageBus, Subscription, TopicSpec } from '../bus/message-bus';
import type { MessageProducer } from '../bus/message-producer';
import { noopLogger, type MessagingLogger } from '../bus/messaging-logger';
import type { SubscribeOptions } from '../bus/subscribe-options';
import { processorFor } from '../processing/processor-for';
import { resolveProcessingContext, subscriptionDefaults } from '../processing/processing-context';
import { defaultConsumerRetry, defaultProducerRetry, toKafkajsRetry, type KafkaBusOptions, type KafkaRetryOptions } from './kafka-bus.options';
import { kafkaLogCreator, kafkajsLogLevel } from './kafka-log.adapter';
import { KafkaProducer } from './kafka-producer';
import { KafkaSubscription } from './kafka-subscription';
import { KafkaTopicAdmin } from './kafka-topic.admin';

/**
 * The {@link MessageBus} on Apache Kafka. The only place kafkajs is used: moving to another
 * client touches this folder only.
 *
 * @example
 * const bus = new KafkaMessageBus({ brokers: ['127.0.0.1:9092'], clientId: 'order-service', inbox: new PostgresInboxStore(pool) });
 * await bus.ensureTopics([{ topic: 'oms.ingress.orders.v1', partitions: 4 }]);
 * await bus.subscribe({ groupId: 'order-service', topics: ['oms.ingress.orders.v1'], decode, handler });
 * await bus.producer.send([{ topic, key, value, headers }]);
 */
export class KafkaMessageBus<TClient> implements MessageBus<TClient> {
  readonly producer: MessageProducer;
  private readonly kafkaProducer: KafkaProducer;
  /** Topic administration (create, delete) on the same cluster. */
  readonly topics: KafkaTopicAdmin;
  private readonly kafka: Kafka;
  private readonly logger: MessagingLogger;
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly options: KafkaBusOptions<TClient>) {
    this.logger = options.logger ?? noopLogger;
    // Two clients: kafkajs nests its retries (a cluster-level retry inside the producer's), and
    // the inner one giving up fails the outer at once, so each side needs its own budget.
    this.kafka = this.client('consumer', { ...defaultConsumerRetry, ...options.consumer?.retry });
    const producerRetry = { ...defaultProducerRetry, ...options.producerRetry };
    this.kafkaProducer = new KafkaProducer(this.client('producer', producerRetry), producerRetry);
    this.producer = this.kafkaProducer;
    this.topics = new KafkaTopicAdmin({ brokers: options.brokers, clientId: `${options.clientId}-admin`, logger: this.logger });
  }

  /** Starts a supervised consumer group member; resolves once it has joined its group. */
  async subscribe<TValue>(options: SubscribeOptions<TValue, TClient>): Promise<Subscription> {
    const context = resolveProcessingContext(options, {
      system: 'kafka',
      inbox: this.options.inbox,
      deadLetters: this.producer,
      logger: this.logger,
    });
    const subscription = new KafkaSubscription(this.kafka, {
      groupId: options.groupId,
      topics: options.topics,
      fromBeginning: options.fromBeginning ?? subscriptionDefaults.fromBeginning,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? subscriptionDefaults.partitionsConsumedConcurrently,
      processor: processorFor(context),
      consumer: this.options.consumer ?? {},
      retry: { ...defaultConsumerRetry, ...this.options.consumer?.retry },
      logger: this.logger,
    });
    await subscription.start();
    const tracked: Subscription = {
      groupId: subscription.groupId,
      close: async () => {
        this.subscriptions.delete(tracked);
        await subscription.close();
      },
    };
    this.subscriptions.add(tracked);
    return tracked;
  }

  /** Creates the missing topics and their `.dlq` twins. */
  ensureTopics(topics: TopicSpec[]): Promise<void> {
    return this.topics.ensureTopics(topics);
  }

  private client(role: string, retry: KafkaRetryOptions): Kafka {
    return new Kafka({
      clientId: `${this.options.clientId}-${role}`,
      brokers: this.options.brokers,
      logLevel: kafkajsLogLevel(this.options.clientLogLevel ?? 'warn'),
      logCreator: kafkaLogCreator(this.logger),
      retry: toKafkajsRetry(retry),
    });
  }

  /** Closes the subscriptions (each commits its batch in flight), then the producer and the admin client. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.kafkaProducer.close();
    await this.topics.close();
  }
}
