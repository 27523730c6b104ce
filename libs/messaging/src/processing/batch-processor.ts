import type { OutgoingMessage } from '@oms/contracts';
import { errorFields, positionFields } from '../bus/log-fields';
import type { BatchSummary, PartitionRange, WriteBehind } from '../bus/subscribe-options';
import { classifyFailure } from '../errors/error-classification';
import type { InboxEntry, InboxTransaction } from '../inbox/inbox-store';
import { backoffDelay, waitWhileRunning, type WaitControl } from './backoff-policy';
import { buildDeadLetter } from './dead-letter.factory';
import { chunksOf, partitionRanges, type PartitionWork } from './chunks';
import { messageIdOf, type IncomingRecord } from './incoming-record';
import { MessageNeedsIsolation, runMessage, runMessageOptimistically, StoppedWhileRetrying } from './message-runner';
import { SAVEPOINTS_PER_TRANSACTION, type ProcessingContext } from './processing-context';

/**
 * The processing model both buses share. For the records of one partition (or of several,
 * part after part, with `mergePartitions`), in order:
 * one transaction per chunk of `maxMessagesPerTransaction` records → inbox rows for the whole
 * chunk (already-seen ids are skipped) → each new message handled (in a savepoint of its own
 * once any message of the chunk has failed) → the writes the handlers held back, if any
 * (`writeBehind`, only without savepoints) → dead letters published → COMMIT → `onCommitted`
 * (where the bus commits its offset).
 *
 * Dead letters are published before COMMIT. If the process dies between the two, the batch is
 * redelivered, fails again and is dead-lettered again: a dead letter may be duplicated (it
 * keeps its `message-id`, so operators can tell) but is never lost. Publishing after COMMIT
 * would make the inbox say "done" for a dead letter that never reached `<topic>.dlq`.
 *
 * A failure outside a single message (a transient error, the database or broker down) rolls
 * the transaction back and retries the same records in the same order with capped exponential
 * backoff, for as long as it takes: a key's messages are never reordered or skipped.
 */
export class BatchProcessor<TValue, TClient> {
  constructor(private readonly context: ProcessingContext<TValue, TClient>) {}

  /** Processes `records` (one partition, in offset order). Returns early only when the consumer stops. */
  process(records: IncomingRecord[], control: WaitControl, onCommitted: (last: IncomingRecord) => Promise<void>): Promise<void> {
    return this.processParts([{ records, onCommitted }], control);
  }

  /**
   * Processes the records of several partitions in shared transactions: chunks of at most
   * `maxMessagesPerTransaction` records taken from the parts in turn (each part's records in
   * offset order), each part told of its last record once a chunk holding it commits. One part
   * is {@link process}. Returns early only when the consumer stops.
   */
  async processParts(parts: readonly PartitionWork[], control: WaitControl): Promise<void> {
    const chunks = chunksOf(parts, this.context.maxMessagesPerTransaction);
    for (const [index, chunk] of chunks.entries()) {
      // The chunk in flight finishes on close(); the rest is left for the next member.
      if (index > 0 && !control.isRunning()) return;
      if (!(await this.commitChunk(chunk.records, control))) return;
      await Promise.all(chunk.lastOfPart.map(([part, last]) => part.onCommitted(last)));
    }
  }

  private async commitChunk(chunk: IncomingRecord[], control: WaitControl, startIsolated = false): Promise<boolean> {
    // Savepoints cost two round trips per message: a chunk first runs without them, and only a
    // chunk where some message failed runs again with one per message, isolating the failure.
    let isolated = startIsolated;
    // Held-back writes that fail (a version conflict with another partition's batch, found only at
    // the flush) get one more run as they were — the handlers re-read what proved stale — before
    // the chunk is isolated.
    let flushRetried = false;
    for (let attempt = 1; ; attempt++) {
      let summary: BatchSummary;
      try {
        summary = await this.runTransaction(chunk, control, attempt, isolated);
      } catch (error) {
        if (error instanceof StoppedWhileRetrying) return false;
        if (error instanceof HeldBackWritesFailed && !flushRetried) {
          this.context.logger.info('the writes a chunk held back failed; running it again', { ...this.range(chunk), ...errorFields(error.cause) });
          flushRetried = true;
          attempt -= 1; // not a failed attempt: the same records again, at once
          continue;
        }
        if (error instanceof MessageNeedsIsolation) {
          this.context.logger.info('a message failed; running its chunk again with a savepoint per message', { ...this.range(chunk), ...errorFields(error.cause) });
          if (chunk.length > SAVEPOINTS_PER_TRANSACTION) return this.commitIsolatedPieces(chunk, control);
          isolated = true;
          attempt -= 1; // not a failed attempt: the same records again, at once, one savepoint each
          continue;
        }
        const delayMs = backoffDelay(this.context.backoff, attempt);
        const log = classifyFailure(error) === 'transient' ? this.context.logger.warn : this.context.logger.error;
        log.call(this.context.logger, 'batch failed; rolled back, retrying the same records', {
          ...this.range(chunk),
          attempt,
          delayMs,
          ...errorFields(error),
        });
        if (!(await waitWhileRunning(delayMs, control))) return false;
        continue;
      }
      if (attempt > 1) this.context.logger.info('batch committed after retrying', { ...this.range(chunk), attempt });
      // Outside the try: the transaction is committed, an observer's bug must not retry it.
      try {
        this.context.onBatchProcessed?.(summary);
      } catch (error) {
        this.context.logger.error('onBatchProcessed threw', errorFields(error));
      }
      return true;
    }
  }

  /**
   * A large chunk isolated runs as transactions of {@link SAVEPOINTS_PER_TRANSACTION}: more savepoints
   * in one transaction than PostgreSQL caches would slow every snapshot in the database for as
   * long as it stays open. The partitions' offsets are committed once the last piece is.
   */
  private async commitIsolatedPieces(chunk: IncomingRecord[], control: WaitControl): Promise<boolean> {
    for (let start = 0; start < chunk.length; start += SAVEPOINTS_PER_TRANSACTION) {
      if (start > 0 && !control.isRunning()) return false;
      if (!(await this.commitChunk(chunk.slice(start, start + SAVEPOINTS_PER_TRANSACTION), control, true))) return false;
    }
    return true;
  }

  private async runTransaction(chunk: IncomingRecord[], control: WaitControl, attempt: number, isolated: boolean): Promise<BatchSummary> {
    const tx = await this.context.inbox.begin();
    // Held-back writes only without savepoints: a per-message savepoint must cover its own writes.
    const writeBehind = isolated ? undefined : this.context.writeBehind;
    writeBehind?.begin(tx.client);
    try {
      const entries = chunk.map((record) => this.entryOf(record));
      const fresh = new Set(await tx.recordNew(entries));
      const deadLetters: OutgoingMessage[] = [];
      let processed = 0;
      for (const [index, record] of chunk.entries()) {
        const entry = entries[index] as InboxEntry;
        // delete(): a second copy of an id inside the same chunk counts as a duplicate.
        if (!fresh.delete(entry.messageId)) continue;
        // A failed heartbeat means a rebalance; finishing is still right (the inbox makes the
        // redelivery harmless) and the offset commit will tell the client to rejoin.
        await control.heartbeat().catch(() => undefined);
        const outcome = isolated ? await runMessage(record, entry.messageId, tx, this.context, control) : await runMessageOptimistically(record, entry.messageId, tx, this.context);
        if (outcome.kind === 'processed') processed++;
        else deadLetters.push(await this.deadLetter(tx, entry, record, outcome.error));
      }
      if (writeBehind) await flushHeldBack(writeBehind, tx.client);
      if (deadLetters.length > 0) await this.context.deadLetters.send(deadLetters);
      // Ended while the transaction still owns the connection: COMMIT hands it back to the pool.
      writeBehind?.end(tx.client);
      await tx.commit();
      const duplicates = chunk.length - processed - deadLetters.length;
      const ranges = partitionRanges(chunk);
      return { ...(ranges[0] as PartitionRange), partitions: ranges, received: chunk.length, processed, duplicates, deadLettered: deadLetters.length, attempts: attempt };
    } catch (error) {
      writeBehind?.end(tx.client);
      await tx.rollback();
      throw error;
    }
  }

  private async deadLetter(tx: InboxTransaction<TClient>, entry: InboxEntry, record: IncomingRecord, error: unknown): Promise<OutgoingMessage> {
    await tx.markDeadLettered(entry);
    this.context.logger.error('message is poison; dead-lettering it', {
      ...positionFields(record),
      groupId: this.context.groupId,
      messageId: entry.messageId,
      ...errorFields(error),
    });
    return buildDeadLetter(record, error, this.context.groupId);
  }

  private entryOf(record: IncomingRecord): InboxEntry {
    const { topic, partition, offset } = record;
    return { consumerGroup: this.context.groupId, messageId: messageIdOf(record), topic, partition, offset };
  }

  private range(chunk: IncomingRecord[]): { topic: string; partition: number; firstOffset: string; lastOffset: string; partitions?: number } {
    const ranges = partitionRanges(chunk);
    const first = ranges[0] as PartitionRange;
    // A chunk of several partitions is logged by its first and the number of partitions.
    return ranges.length === 1 ? first : { ...first, partitions: ranges.length };
  }
}

/** The writes a chunk held back failed at the flush: the failure belongs to no single message yet. */
class HeldBackWritesFailed extends MessageNeedsIsolation {}

/**
 * Writes what the chunk's handlers held back. The failure belongs to no single message (a version
 * conflict of one of them, found only now), so anything but a transient error re-runs the chunk
 * once more as it was, then with a savepoint per message, where each message writes as it goes.
 */
async function flushHeldBack<TClient>(writeBehind: WriteBehind<TClient>, client: TClient): Promise<void> {
  try {
    await writeBehind.flush(client);
  } catch (error) {
    if (classifyFailure(error) === 'transient') throw error;
    throw new HeldBackWritesFailed('the writes the chunk held back failed', { cause: error });
  }
}
