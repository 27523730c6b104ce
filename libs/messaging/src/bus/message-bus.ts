import type { MessageProducer } from './message-producer';
import type { SubscribeOptions } from './subscribe-options';

/** A topic to create with {@link MessageBus.ensureTopics}; its `.dlq` twin gets the same partitions. */
export interface TopicSpec {
  topic: string;
  /** Partitions of the topic and of its `.dlq` twin; ignored for a topic that exists. */
  partitions: number;
}

/** A running consumer group member. `close()` lets the in-flight transaction commit, then stops. */
export interface Subscription {
  readonly groupId: string;
  /** Stops fetching, lets the transaction in flight commit (and its offsets), leaves the group. Idempotent. */
  close(): Promise<void>;
}

/**
 * The messaging layer as services see it. {@link KafkaMessageBus} and {@link InProcessBus}
 * implement it with the same processing semantics (inbox deduplication in the handler's
 * transaction, dead letters, retries), so code and tests move between them unchanged.
 *
 * `TClient` is the transaction handle handlers receive (see {@link MessageHandler}).
 */
export interface MessageBus<TClient> {
  /** Publishes to this bus; also where the bus's own dead letters go. */
  readonly producer: MessageProducer;
  /** Joins `options.groupId` and starts handling; resolves once consuming has started. */
  subscribe<TValue>(options: SubscribeOptions<TValue, TClient>): Promise<Subscription>;
  /** Creates the topics (and their `<topic>.dlq` twins) that do not exist yet. */
  ensureTopics(topics: TopicSpec[]): Promise<void>;
  /** Closes every subscription (gracefully), then the producer. */
  close(): Promise<void>;
}
