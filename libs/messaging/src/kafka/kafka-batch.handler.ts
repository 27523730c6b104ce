import type { EachBatchHandler, IHeaders, KafkaMessage } from 'kafkajs';
import type { MessageHeaders } from '@oms/contracts';
import type { PartitionBatchProcessor } from '../processing/partition-merger';
import type { IncomingRecord } from '../processing/incoming-record';
import { OffsetCommits } from './offset-commits';

/**
 * The kafkajs `eachBatch` callback (autoCommit off, auto-resolve off): hands the partition's
 * records to the processor and, after each committed transaction, resolves and commits the
 * offset, together with the other partitions' commits of the moment ({@link OffsetCommits}).
 * It throws only when the offset commit fails (rebalance, lost coordinator): kafkajs then
 * rejoins and the records come back, to be skipped by the inbox.
 */
export function createEachBatchHandler(processor: PartitionBatchProcessor): EachBatchHandler {
  const offsets = new OffsetCommits();
  return async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
    const records = batch.messages.map((message) => toIncomingRecord(batch.topic, batch.partition, message));
    if (records.length === 0) return;
    const control = { heartbeat, isRunning: () => isRunning() && !isStale() };
    await processor.process(records, control, async (last) => {
      resolveOffset(last.offset);
      const next = (BigInt(last.offset) + 1n).toString();
      await offsets.commit({ topic: batch.topic, partition: batch.partition, offset: next, commit: commitOffsetsIfNecessary });
    });
  };
}

function toIncomingRecord(topic: string, partition: number, message: KafkaMessage): IncomingRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value,
    headers: toMessageHeaders(message.headers),
    timestamp: Number(message.timestamp),
  };
}

/** kafkajs headers (Buffers, repeated keys) as our string headers; a repeated key keeps its first value. */
function toMessageHeaders(headers: IHeaders | undefined): MessageHeaders {
  const result: MessageHeaders = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) result[name] = value.toString();
  }
  return result;
}
