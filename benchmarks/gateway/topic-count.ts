import { decode } from '@oms/contracts';
import { Kafka, logLevel } from 'kafkajs';

/** End offsets of a topic, per partition, to read from later. */
export async function endOffsets(brokers: string[], topic: string): Promise<Array<{ partition: number; offset: string }>> {
  const admin = new Kafka({ clientId: 'gateway-bench-offsets', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ partition, offset: high }));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Counts the PaymentNotification records on `topic` between `from` and the end offsets at the
 * time of the call whose key is one of `keys`, with a fresh consumer group positioned at `from`.
 * Every answered notification was acknowledged before it was answered, so it lies below those end
 * offsets. Returns how many records matched and how many keys appeared more than once.
 */
export async function countNotifications(brokers: string[], topic: string, from: Array<{ partition: number; offset: string }>, keys: ReadonlySet<string>, idleMs = 10_000): Promise<{ records: number; duplicates: number }> {
  const kafka = new Kafka({ clientId: 'gateway-bench-count', brokers, logLevel: logLevel.NOTHING });
  const groupId = `gateway-bench-count-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.setOffsets({ groupId, topic, partitions: from });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 500 });
  const until = new Map((await endOffsets(brokers, topic)).map(({ partition, offset }) => [partition, BigInt(offset)]));
  const position = new Map(from.map(({ partition, offset }) => [partition, BigInt(offset)]));
  const done = () => [...until].every(([partition, end]) => (position.get(partition) ?? 0n) >= end);
  const seen = new Map<string, number>();
  let records = 0;
  let lastRecordAt = Date.now();
  await consumer.connect();
  await consumer.subscribe({ topic });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      lastRecordAt = Date.now();
      position.set(partition, BigInt(message.offset) + 1n);
      const key = message.key?.toString() ?? '';
      if (!keys.has(key) || !message.value || decode(message.value).recordName !== 'PaymentNotification') return;
      records += 1;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    },
  });
  while (!done() && Date.now() - lastRecordAt < idleMs) await new Promise((resolve) => setTimeout(resolve, 200));
  await consumer.disconnect();
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.disconnect();
  return { records, duplicates: [...seen.values()].filter((count) => count > 1).length };
}
