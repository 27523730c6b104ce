import { decode, type DecodedRecord } from '@oms/contracts';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

/**
 * The benchmark's probe on `oms.fulfillment.events.v1`: a bare kafkajs consumer that hands each
 * record to `onRecord` as soon as its fetch answers, with no transaction, inbox or offset commit
 * per batch (it is a throwaway group). The service's real readers (order-service) run elsewhere;
 * the probe only has to see each record, and the lighter it is the less of the two cores it takes
 * from the service it measures (the messaging layer's subscription committed an offset per
 * partition batch and ran each record through the inbox, for nothing here).
 */
export class StatusChangeReader {
  private constructor(private readonly consumer: Consumer) {}

  /** Resolves once the group is joined, so nothing published after is read late. */
  static async open(brokers: string[], groupId: string, topic: string, onRecord: (record: DecodedRecord) => void): Promise<StatusChangeReader> {
    const consumer = new Kafka({ clientId: 'tracks-bench-reader', brokers, logLevel: logLevel.WARN }).consumer({ groupId, maxWaitTimeInMs: 1_000 });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 4,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) if (message.value) onRecord(decode(message.value));
      },
    });
    await joined;
    return new StatusChangeReader(consumer);
  }

  close(): Promise<void> {
    return this.consumer.disconnect();
  }
}
