import type { MessageHeaders } from '@oms/contracts';

/** A record handed to a {@link MessageHandler}: decoded value plus everything the log knows. */
export interface ConsumedMessage<TValue> {
  /** The `message-id` header, or `topic:partition:offset` when the producer set none. */
  readonly messageId: string;
  readonly topic: string;
  readonly partition: number;
  /** Offset as a decimal string (Kafka offsets are 64-bit). */
  readonly offset: string;
  readonly key: string | null;
  /** The value as `decode` returned it. */
  readonly value: TValue;
  /** The bytes exactly as published. */
  readonly rawValue: Buffer;
  readonly headers: MessageHeaders;
  /** Epoch milliseconds the log stamped on the record. */
  readonly timestamp: number;
  /** The W3C trace context the producer attached, if any. */
  readonly traceparent: string | undefined;
  /** The consumer group processing it. */
  readonly groupId: string;
}
