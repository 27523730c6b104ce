// The public face of @oms/messaging. kafkajs types never appear here: moving to another Kafka
// client changes src/kafka/ only.
export type { ConsumedMessage } from './bus/consumed-message';
export type { MessageBus, Subscription, TopicSpec } from './bus/message-bus';
export type { MessageProducer } from './bus/message-producer';
export { noopLogger, type LogFields, type MessagingLogger } from './bus/messaging-logger';
export type { BatchSummary, PartitionRange, MessageDecoder, MessageHandler, SubscribeOptions, WriteBehind } from './bus/subscribe-options';
export { PrefixedTopicsBus } from './bus/prefixed-topics.bus';

export { DecodeError } from './errors/decode.error';
export { classifyFailure, type FailureKind } from './errors/error-classification';
export { NonRetriableError, PoisonMessageError } from './errors/poison-message.error';
export { PublishError } from './errors/publish.error';
export { TransientError } from './errors/transient.error';

export { InMemoryInboxStore, type InMemoryUnitOfWork } from './inbox/in-memory-inbox.store';
export type { InboxEntry, InboxStore, InboxTransaction } from './inbox/inbox-store';
export { DEFAULT_INBOX_TABLE, messagingMigrations } from './inbox/messaging.migrations';
export { PostgresInboxStore } from './inbox/postgres-inbox.store';

export { defaultBackoff, type BackoffPolicy } from './processing/backoff-policy';
export { deadLetterTopicOf } from './processing/dead-letter.factory';
export { withTraceparent } from './tracing/traceparent.injector';

export { InProcessBus, type InProcessBusOptions } from './in-process/in-process-bus';
export type { KafkaBusOptions, KafkaConsumerOptions, KafkaRetryOptions } from './kafka/kafka-bus.options';
export { KafkaMessageBus } from './kafka/kafka-message-bus';
export { KafkaTopicAdmin } from './kafka/kafka-topic.admin';

export { SingleFlightBatcher } from './batching/single-flight.batcher';
