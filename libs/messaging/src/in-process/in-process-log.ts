import type { OutgoingMessage } from '@oms/contracts';
import type { IncomingRecord } from '../processing/incoming-record';
import { partitionForKey } from './key-partitioner';

interface PartitionLog {
  records: IncomingRecord[];
  // Resolved (and replaced) on every append: readers wait on it instead of polling.
  appended: Promise<void>;
  notify: () => void;
}

/** The topics of an {@link InProcessBus}: append-only partitions in memory, with wake-ups for readers. */
export class InProcessLog {
  private readonly topics = new Map<string, PartitionLog[]>();

  constructor(private readonly defaultPartitions: number) {}

  /** Creates the topic if it does not exist (with `partitions`, else the default). */
  ensureTopic(topic: string, partitions = this.defaultPartitions): void {
    if (this.topics.has(topic)) return;
    this.topics.set(
      topic,
      Array.from({ length: partitions }, () => newPartition()),
    );
  }

  topicNames(): string[] {
    return [...this.topics.keys()];
  }

  partitionCount(topic: string): number {
    return this.partitions(topic).length;
  }

  /** Appends to the key's partition (murmur2, as on Kafka); a missing topic is created, as the broker does. */
  append(message: OutgoingMessage): void {
    this.ensureTopic(message.topic);
    const partitions = this.partitions(message.topic);
    const partition = partitionForKey(message.key, partitions.length);
    const log = partitions[partition] as PartitionLog;
    log.records.push({
      topic: message.topic,
      partition,
      offset: String(log.records.length),
      key: message.key,
      // Copies: a caller reusing its buffer or headers must not rewrite history.
      value: Buffer.from(message.value),
      headers: { ...message.headers },
      timestamp: Date.now(),
    });
    const wake = log.notify;
    Object.assign(log, newPartition(log.records));
    wake();
  }

  /** Up to `max` records from `offset` on. */
  read(topic: string, partition: number, offset: number, max: number): IncomingRecord[] {
    return this.partition(topic, partition).records.slice(offset, offset + max);
  }

  endOffset(topic: string, partition: number): number {
    return this.partition(topic, partition).records.length;
  }

  /** Resolves at the next append to the partition. */
  nextAppend(topic: string, partition: number): Promise<void> {
    return this.partition(topic, partition).appended;
  }

  private partitions(topic: string): PartitionLog[] {
    const partitions = this.topics.get(topic);
    if (!partitions) throw new Error(`in-process bus: no topic ${topic}`);
    return partitions;
  }

  private partition(topic: string, partition: number): PartitionLog {
    const log = this.partitions(topic)[partition];
    if (!log) throw new Error(`in-process bus: topic ${topic} has no partition ${partition}`);
    return log;
  }
}

function newPartition(records: IncomingRecord[] = []): PartitionLog {
  let notify: () => void = () => undefined;
  const appended = new Promise<void>((resolve) => {
    notify = resolve;
  });
  return { records, appended, notify };
}
