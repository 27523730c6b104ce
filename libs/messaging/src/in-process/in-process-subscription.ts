import type { Subscription } from '../bus/message-bus';
import type { PartitionBatchProcessor } from '../processing/partition-merger';
import { ConcurrencyLimit } from './concurrency-limit';
import type { GroupOffsets } from './group-offsets';
import type { InProcessLog } from './in-process-log';

/** What an in-process subscription reads and how. */
export interface InProcessSubscriptionConfig {
  groupId: string;
  topics: string[];
  fromBeginning: boolean;
  partitionsConsumedConcurrently: number;
  maxBatchSize: number;
  processor: PartitionBatchProcessor;
}

/**
 * The only member of its group: one reader per partition, at most `partitionsConsumedConcurrently`
 * of them processing at once, each resuming from the group's committed offset.
 */
export class InProcessSubscription implements Subscription {
  readonly groupId: string;
  private running = true;
  private readonly stopped: Promise<void>;
  private signalStop: () => void = () => undefined;
  private readers: Array<Promise<void>> = [];
  private readonly slots: ConcurrencyLimit;

  constructor(
    private readonly log: InProcessLog,
    private readonly offsets: GroupOffsets,
    private readonly config: InProcessSubscriptionConfig,
    private readonly onClose: () => void,
  ) {
    this.groupId = config.groupId;
    this.slots = new ConcurrencyLimit(config.partitionsConsumedConcurrently);
    this.stopped = new Promise((resolve) => {
      this.signalStop = resolve;
    });
  }

  start(): void {
    this.readers = this.config.topics.flatMap((topic) =>
      Array.from({ length: this.log.partitionCount(topic) }, (_, partition) => this.read(topic, partition)),
    );
  }

  /** Stops reading; batches in flight finish and commit first. */
  async close(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.signalStop();
    await Promise.all(this.readers);
    this.onClose();
  }

  private async read(topic: string, partition: number): Promise<void> {
    const { groupId, fromBeginning, maxBatchSize, processor } = this.config;
    // Like Kafka's "latest": without a committed offset and fromBeginning off, start at the end.
    let position = this.offsets.committed(groupId, topic, partition) ?? (fromBeginning ? 0 : this.log.endOffset(topic, partition));
    const control = { heartbeat: async () => undefined, isRunning: () => this.running };
    while (this.running) {
      const records = this.log.read(topic, partition, position, maxBatchSize);
      if (records.length === 0) {
        await Promise.race([this.log.nextAppend(topic, partition), this.stopped]);
        continue;
      }
      await this.slots.run(() =>
        processor.process(records, control, async (last) => {
          position = Number(last.offset) + 1;
          this.offsets.commit(groupId, topic, partition, position);
        }),
      );
    }
  }
}
