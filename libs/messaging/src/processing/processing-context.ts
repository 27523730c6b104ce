import type { MessagingLogger } from '../bus/messaging-logger';
import type { MessageProducer } from '../bus/message-producer';
import type { BatchSummary, MessageDecoder, MessageHandler, SubscribeOptions, WriteBehind } from '../bus/subscribe-options';
import type { InboxStore } from '../inbox/inbox-store';
import { defaultBackoff, type BackoffPolicy } from './backoff-policy';

/** Everything the batch processor of one subscription needs, resolved to concrete values. */
export interface ProcessingContext<TValue, TClient> {
  groupId: string;
  /** `messaging.system` of the consumer spans: `kafka`, `in-process`. */
  system: string;
  inbox: InboxStore<TClient>;
  /** Where dead letters go; the bus's own producer. */
  deadLetters: MessageProducer;
  decode: MessageDecoder<TValue>;
  handler: MessageHandler<TValue, TClient>;
  logger: MessagingLogger;
  maxAttempts: number;
  maxMessagesPerTransaction: number;
  /** See {@link SubscribeOptions.mergePartitions}. */
  mergePartitions: boolean;
  backoff: BackoffPolicy;
  onBatchProcessed?: (summary: BatchSummary) => void;
  writeBehind?: WriteBehind<TClient>;
}

/** Savepoints a PostgreSQL backend caches (PGPROC_MAX_CACHED_SUBXIDS): the most messages of one isolated transaction. */
export const SAVEPOINTS_PER_TRANSACTION = 64;

/** Defaults of {@link SubscribeOptions} both buses apply. */
export const subscriptionDefaults = {
  fromBeginning: true,
  partitionsConsumedConcurrently: 4,
  maxAttempts: 3,
  maxMessagesPerTransaction: SAVEPOINTS_PER_TRANSACTION,
} as const;

/** The processing context of a subscription, with defaults filled in. */
export function resolveProcessingContext<TValue, TClient>(
  options: SubscribeOptions<TValue, TClient>,
  bus: { system: string; inbox: InboxStore<TClient>; deadLetters: MessageProducer; logger: MessagingLogger },
): ProcessingContext<TValue, TClient> {
  if (!options.groupId) throw new Error('subscribe: groupId must not be empty');
  if (options.topics.length === 0) throw new Error(`subscribe: group ${options.groupId} names no topics`);
  return {
    ...bus,
    groupId: options.groupId,
    decode: options.decode,
    handler: options.handler,
    maxAttempts: Math.max(1, options.maxAttempts ?? subscriptionDefaults.maxAttempts),
    maxMessagesPerTransaction: Math.max(1, options.maxMessagesPerTransaction ?? subscriptionDefaults.maxMessagesPerTransaction),
    mergePartitions: options.mergePartitions ?? false,
    backoff: { ...defaultBackoff, ...options.backoff },
    onBatchProcessed: options.onBatchProcessed,
    writeBehind: options.writeBehind,
  };
}
