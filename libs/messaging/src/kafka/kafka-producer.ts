import { Partitioners, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import type { OutgoingMessage } from '@oms/contracts';
import type { MessageProducer } from '../bus/message-producer';
import { describeError } from '../errors/error-classification';
import { PublishError } from '../errors/publish.error';
import { withTraceparent } from '../tracing/traceparent.injector';
import { toKafkajsRetry, type KafkaRetryOptions } from './kafka-bus.options';
import { sizeBoundedSlices } from './size-bounded-slices';

/**
 * The idempotent Kafka producer: `acks: all`, one request in flight per broker (so a retry
 * cannot overtake an earlier batch and reorder a key), retries that outlast a broker restart.
 * `send` resolves once every message is acknowledged and rejects with a {@link PublishError}
 * when retries run out. A large send goes as several requests of at most `MAX_REQUEST_BYTES`, one
 * after another (so keys keep their order); should a later one fail, the earlier ones stay
 * published and the caller's retry sends them again — at-least-once, as any retry is.
 */
export class KafkaProducer implements MessageProducer {
  private readonly producer: Producer;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(kafka: Kafka, retry: KafkaRetryOptions) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: toKafkajsRetry(retry),
      // murmur2 like the Java client, so every client puts a key on the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async send(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    if (this.closed) throw new PublishError('the producer is closed');
    try {
      await this.connect();
      for (const slice of sizeBoundedSlices(messages.map(withTraceparent))) await this.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(slice) });
    } catch (error) {
      const topics = [...new Set(messages.map((message) => message.topic))].join(', ');
      throw new PublishError(`Kafka did not acknowledge ${messages.length} message(s) to ${topics}: ${describeError(error).message}`, {
        cause: error,
      });
    }
  }

  /** Disconnects; later sends fail. */
  async close(): Promise<void> {
    this.closed = true;
    await this.producer.disconnect();
  }

  private connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }
}

// One sendBatch per size-bounded slice; order inside a topic (and so inside a key) is the caller's order.
function groupByTopic(messages: OutgoingMessage[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const message of messages) {
    const list = byTopic.get(message.topic) ?? [];
    list.push({ key: message.key, value: message.value, headers: message.headers });
    byTopic.set(message.topic, list);
  }
  return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
}
