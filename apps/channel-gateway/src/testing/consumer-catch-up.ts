import { testKafkaBrokers, waitFor } from '@oms/testing';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Waits until consumer group `groupId` has committed offsets up to the end of `topic` — every
 * record on it processed. A barrier for asserting that something did NOT happen downstream
 * (a duplicate left no second event) instead of sleeping.
 */
export async function waitForGroupCaughtUp(groupId: string, topic: string, timeoutMs = 30_000): Promise<void> {
  const admin = new Kafka({ clientId: 'gateway-test-lag', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const ends = new Map((await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => [partition, high]));
    await waitFor(`group ${groupId} caught up on ${topic}`, async () => {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return committed!.partitions.every(({ partition, offset }) => {
        const end = BigInt(ends.get(partition) ?? '0');
        // '-1': nothing committed yet, which is caught up only for an empty partition.
        return end === 0n || (offset !== '-1' && BigInt(offset) >= end);
      });
    }, { timeoutMs, intervalMs: 200 });
  } finally {
    await admin.disconnect();
  }
}
