import { SingleFlightBatcher } from '../batching/single-flight.batcher';
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
}

/**
 * `mergePartitions`: gathers the batches of several partitions handed over together and
 * processes them in shared transactions ({@link BatchProcessor.processParts}), one gathering at
 * a time — a {@link SingleFlightBatcher} that waits for the end of the tick. kafkajs starts the
 * batches of one fetch in the same tick, and fetches again only when they are all done, so with
 * one broker a gathering is a fetch (with several, each broker's fetcher hands over its own); a
 * batch handed over while one runs waits for the next. Each batch's promise settles with its
 * gathering: a failure (an offset commit refused in a rebalance) fails them all, and the
 * consumer rejoins as it would for one.
 */
export class PartitionMerger<TValue, TClient> implements PartitionBatchProcessor {
  private readonly gatherings: SingleFlightBatcher<Waiting, void>;

  constructor(processor: BatchProcessor<TValue, TClient>) {
    this.gatherings = new SingleFlightBatcher<Waiting, void>(
      async (members) => {
        await processor.processParts(
          members.map((member) => member.part),
          mergedControl(members),
        );
        return members.map(() => undefined);
      },
      Infinity,
      1,
      true,
    );
  }

  process(records: IncomingRecord[], control: WaitControl, onCommitted: (last: IncomingRecord) => Promise<void>): Promise<void> {
    return this.gatherings.submit({ part: { records, onCommitted }, control });
  }
}

/** Heartbeats go to the consumer through any batch; the gathering runs while every batch may. */
function mergedControl(members: readonly Waiting[]): WaitControl {
  return {
    heartbeat: () => (members[0] as Waiting).control.heartbeat(),
    isRunning: () => members.every((member) => member.control.isRunning()),
  };
}
