import { Kafka, logLevel, type Producer } from 'kafkajs';
import { KafkaTopicAdmin } from '@oms/messaging';
import type { OutgoingMessage } from '@oms/contracts';

/** A publish function for {@link OutboxRelay}, plus what is needed to close it. */
export interface BenchPublisher {
  publish: (messages: OutgoingMessage[]) => Promise<void>;
  producer: Producer;
}

/**
 * A kafkajs producer as the event store's own tests use it (libs/event-store/src/testing is not
 * part of the library's public face, so it is mirrored here): idempotent, one request in flight,
 * every batch acknowledged by all in-sync replicas (acks -1) before the relay moves on.
 */
export async function createBenchPublisher(brokers: string[]): Promise<BenchPublisher> {
  const kafka = new Kafka({ clientId: 'store-bench', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const publish = async (messages: OutgoingMessage[]) => {
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push(message);
      byTopic.set(message.topic, list);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map(({ key, value, headers }) => ({ key, value, headers })),
      })),
    });
  };
  return { publish, producer };
}

/**
 * Creates a topic for one run and returns a function that deletes it again, so the shared broker
 * keeps no benchmark data.
 */
export async function createBenchTopic(brokers: string[], topic: string, partitions = 4): Promise<() => Promise<void>> {
  // KafkaTopicAdmin waits for the leaders through a busy broker's retriable answers.
  const admin = new KafkaTopicAdmin({ brokers, clientId: 'store-bench-admin' });
  await admin.ensureTopics([{ topic, partitions }]);
  return async () => {
    await admin.deleteTopics([topic]).catch(() => undefined);
    await admin.close();
  };
}
