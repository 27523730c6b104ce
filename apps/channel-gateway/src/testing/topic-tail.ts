import { decode, type DecodedRecord } from '@oms/contracts';
import { InMemoryInboxStore, KafkaMessageBus, type InMemoryUnitOfWork, type Subscription } from '@oms/messaging';
import { testKafkaBrokers, uniqueName, waitFor } from '@oms/testing';
import { Kafka, KafkaJSProtocolError, logLevel, type Admin } from 'kafkajs';

/** A record read back from a real topic. */
export interface TailedRecord {
  key: string | null;
  headers: Record<string, string>;
  decoded: DecodedRecord;
}

/**
 * Reads public topics (whose names tests cannot make unique) from the end offsets they had when the
 * tail was opened: a fresh consumer group is positioned at those offsets before it joins, so the
 * test sees exactly what was produced after — and filters by its own unique ids.
 */
export class TopicTail {
  readonly records: TailedRecord[] = [];
  private constructor(
    private readonly bus: KafkaMessageBus<InMemoryUnitOfWork>,
    private subscription?: Subscription,
  ) {}

  static async open(...topics: string[]): Promise<TopicTail> {
    const brokers = testKafkaBrokers();
    const groupId = uniqueName('gateway-tail');
    const admin = new Kafka({ clientId: 'gateway-test-tail', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      for (const topic of topics) {
        const ends = await endOffsetsOnceLed(admin, topic);
        await admin.setOffsets({ groupId, topic, partitions: ends.map(({ partition, high }) => ({ partition, offset: high })) });
      }
    } finally {
      await admin.disconnect();
    }
    const bus = new KafkaMessageBus({ brokers, clientId: 'gateway-test-tail', inbox: new InMemoryInboxStore() });
    const tail = new TopicTail(bus);
    tail.subscription = await bus.subscribe({
      groupId,
      topics,
      decode: (value) => decode(value),
      handler: async (message) => void tail.records.push({ key: message.key, headers: message.headers, decoded: message.value }),
    });
    return tail;
  }

  /** The records with this key. */
  withKey(key: string): TailedRecord[] {
    return this.records.filter((record) => record.key === key);
  }

  /** Waits until `count` records with `key` were read. */
  async waitForKey(key: string, count = 1, timeoutMs = 20_000): Promise<TailedRecord[]> {
    return waitFor(`${count} record(s) with key ${key}`, () => this.withKey(key).length >= count && this.withKey(key), { timeoutMs });
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    await this.bus.close();
  }
}

/**
 * The end offsets of a topic the gateway under test may be creating at this very moment: until its
 * partitions have leaders the broker answers "not the leader" or "unknown topic", both retriable.
 */
async function endOffsetsOnceLed(admin: Admin, topic: string, timeoutMs = 30_000): Promise<Array<{ partition: number; high: string }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      const retriable = error instanceof KafkaJSProtocolError && error.retriable;
      if (!retriable || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
