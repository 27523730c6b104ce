import { Headers } from '@oms/contracts';
import type { ConsumedMessage } from '../bus/consumed-message';
import { DecodeError } from '../errors/decode.error';
import { errorFields, positionFields } from '../bus/log-fields';
import { classifyFailure, describeError } from '../errors/error-classification';
import type { InboxTransaction } from '../inbox/inbox-store';
import { inConsumerSpan } from '../tracing/consumer-span';
import { backoffDelay, waitWhileRunning, type WaitControl } from './backoff-policy';
import type { IncomingRecord } from './incoming-record';
import type { ProcessingContext } from './processing-context';

/** The consumer stopped while a message was waiting for its next attempt. */
export class StoppedWhileRetrying extends Error {}

/**
 * A message failed in a chunk running without savepoints: its writes cannot be undone alone, so
 * the chunk rolls back and runs again with a savepoint per message.
 */
export class MessageNeedsIsolation extends Error {}

/** What became of one new message inside the batch transaction. */
export type MessageOutcome = { kind: 'processed' } | { kind: 'dead-letter'; error: unknown };

/**
 * Runs one new message inside a SAVEPOINT, so its failure undoes only its own writes. Poison
 * fails at once; an unclassified error is retried up to `maxAttempts`; a transient error is
 * thrown so the whole batch rolls back and retries in order.
 */
export async function runMessage<TValue, TClient>(
  record: IncomingRecord,
  messageId: string,
  tx: InboxTransaction<TClient>,
  context: ProcessingContext<TValue, TClient>,
  control: WaitControl,
): Promise<MessageOutcome> {
  for (let attempt = 1; ; attempt++) {
    await tx.savepoint();
    try {
      await inConsumerSpan(record, { system: context.system, groupId: context.groupId, messageId }, async () => {
        await context.handler(toConsumedMessage(record, messageId, context), tx.client);
      });
      await tx.releaseSavepoint();
      return { kind: 'processed' };
    } catch (error) {
      const kind = classifyFailure(error);
      if (kind === 'transient') throw error;
      await tx.rollbackToSavepoint();
      if (kind === 'poison' || attempt >= context.maxAttempts) return { kind: 'dead-letter', error };
      const delayMs = backoffDelay(context.backoff, attempt);
      context.logger.warn('message handler failed; retrying it', {
        ...positionFields(record),
        groupId: context.groupId,
        messageId,
        attempt,
        maxAttempts: context.maxAttempts,
        delayMs,
        ...errorFields(error),
      });
      if (!(await waitWhileRunning(delayMs, control))) throw new StoppedWhileRetrying();
    }
  }
}

/**
 * Runs one new message directly in the chunk's transaction (no savepoint): the fast path while
 * nothing fails. Any failure but a transient one asks for the chunk to run again isolated, where
 * {@link runMessage} retries or dead-letters the message without losing its neighbours.
 */
export async function runMessageOptimistically<TValue, TClient>(
  record: IncomingRecord,
  messageId: string,
  tx: InboxTransaction<TClient>,
  context: ProcessingContext<TValue, TClient>,
): Promise<MessageOutcome> {
  try {
    await inConsumerSpan(record, { system: context.system, groupId: context.groupId, messageId }, async () => {
      await context.handler(toConsumedMessage(record, messageId, context), tx.client);
    });
    return { kind: 'processed' };
  } catch (error) {
    if (classifyFailure(error) === 'transient') throw error;
    throw new MessageNeedsIsolation(`message ${messageId} failed; running its chunk again with a savepoint per message`, { cause: error });
  }
}

function toConsumedMessage<TValue>(
  record: IncomingRecord,
  messageId: string,
  context: Pick<ProcessingContext<TValue, unknown>, 'decode' | 'groupId'>,
): ConsumedMessage<TValue> {
  if (record.value === null) throw new DecodeError('record has no value (tombstone)');
  let value: TValue;
  try {
    value = context.decode(record.value, { topic: record.topic, headers: record.headers });
  } catch (error) {
    throw new DecodeError(`cannot decode record: ${describeError(error).message}`, { cause: error });
  }
  return {
    messageId,
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    key: record.key,
    value,
    rawValue: record.value,
    headers: record.headers,
    timestamp: record.timestamp,
    traceparent: record.headers[Headers.traceparent],
    groupId: context.groupId,
  };
}
