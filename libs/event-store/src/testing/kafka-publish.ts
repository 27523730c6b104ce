import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { OutgoingMessage } from '@oms/contracts';

/**
 * A bare kafkajs publish function (idempotent, acks all) for the store's own tests and the relay
 * test process; services use the producer from @oms/messaging instead.
 */
export async function kafkaPublisher(brokers: string[]): Promise<{ publish: (messages: OutgoingMessage[]) => Promise<void>; producer: Producer }> {
  const kafka = new Kafka({ clientId: 'event-store-test', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const publish = async (messages: OutgoingMessage[]) => {
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
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
