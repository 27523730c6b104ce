import type { WaitControl } from './backoff-policy';
import type { BatchProcessor } from './batch-processor';
import type { PartitionWork } from './chunks';
import type { IncomingRecord } from './incoming-record';

/** What a bus hands each partition's batch to (see {@link processorFor}). */
export interface PartitionBatchProcessor {
  /** Resolves once the records are committed, or early when the consumer stops. */
  process(records: IncomingRecord[], control: WaitControl, onCommitted: (last: IncomingRecord) => Promise<void>): Promise<void>;
}

interface Waiting {
  part: PartitionWork;
  control: WaitControl;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * `mergePartitions`: gathers the batches of several partitions handed over together and
 * processes them in shared transactions ({@link BatchProcessor.processParts}), one gathering at
 * a time. kafkajs starts the batches of one fetch in the same tick, and fetches again only when
 * they are all done, so with one broker a gathering is a fetch (with several, each broker's
 * fetcher hands over its own); a batch handed over while one runs waits for the next. Each batch's promise settles with its gathering: a failure (an offset commit refused in
 * a rebalance) fails them all, and the consumer rejoins as it would for one.
 */
export class PartitionMerger<TValue, TClient> implements PartitionBatchProcessor {
  private waiting: Waiting[] = [];
  private scheduled = false;
  private busy = false;

  constructor(private readonly processor: BatchProcessor<TValue, TClient>) {}

  process(records: IncomingRecord[], control: WaitControl, onCommitted: (last: IncomingRecord) => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ part: { records, onCommitted }, control, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.busy) return;
    this.scheduled = true;
    // setImmediate rather than a microtask: after every batch handed over in this tick.
    setImmediate(() => {
      this.scheduled = false;
      void this.runGathering();
    });
  }

  private async runGathering(): Promise<void> {
    const members = this.waiting;
    this.waiting = [];
    this.busy = true;
    try {
      await this.processor.processParts(
        members.map((member) => member.part),
        mergedControl(members),
      );
      for (const member of members) member.resolve();
    } catch (error) {
      for (const member of members) member.reject(error);
    } finally {
      this.busy = false;
      if (this.waiting.length > 0) this.schedule();
    }
  }
}

/** Heartbeats go to the consumer through any batch; the gathering runs while every batch may. */
function mergedControl(members: readonly Waiting[]): WaitControl {
  return {
    heartbeat: () => (members[0] as Waiting).control.heartbeat(),
    isRunning: () => members.every((member) => member.control.isRunning()),
  };
}
