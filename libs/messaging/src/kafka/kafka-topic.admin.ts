import { Kafka, KafkaJSProtocolError, type Admin } from 'kafkajs';
import './kafkajs-idle-loop.patch';
import type { TopicSpec } from '../bus/message-bus';
import { noopLogger, type MessagingLogger } from '../bus/messaging-logger';
import { kafkaLogCreator, kafkajsLogLevel } from './kafka-log.adapter';
import { deadLetterTopicOf } from '../processing/dead-letter.factory';

/**
 * Creates and deletes topics; each topic comes with its `<topic>.dlq` twin. Usable on its own
 * (deploy scripts, tests) or through {@link KafkaMessageBus.topics}.
 *
 * @example
 * const admin = new KafkaTopicAdmin({ brokers: ['127.0.0.1:9092'], clientId: 'setup' });
 * await admin.ensureTopics([{ topic: 'oms.order.events.v1', partitions: 8 }]);
 * await admin.close();
 */
export class KafkaTopicAdmin {
  private readonly kafka: Kafka;
  private admin: Promise<Admin> | undefined;

  /** A client of its own; it connects on first use. */
  constructor(options: { brokers: string[]; clientId: string; logger?: MessagingLogger }) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: kafkajsLogLevel('warn'),
      logCreator: kafkaLogCreator(options.logger ?? noopLogger),
    });
  }

  /** Creates the topics and `.dlq` twins that do not exist yet, and waits for their leaders. */
  async ensureTopics(specs: TopicSpec[]): Promise<void> {
    const admin = await this.connected();
    const existing = new Set(await admin.listTopics());
    const wanted = specs.flatMap((spec) => [spec, { topic: deadLetterTopicOf(spec.topic), partitions: spec.partitions }]);
    const missing = wanted.filter((spec) => !existing.has(spec.topic));
    if (missing.length === 0) return;
    // Another process may create the same topic meanwhile; createTopics treats "exists" as done.
    // kafkajs waits for leaders by default and gives up on a retriable answer: we wait ourselves.
    await admin.createTopics({
      topics: missing.map((spec) => ({ topic: spec.topic, numPartitions: spec.partitions })),
      waitForLeaders: false,
    });
    await waitForLeaders(admin, missing.map((spec) => spec.topic));
  }

  /** Deletes the topics and their `.dlq` twins that exist (tests, tooling). */
  async deleteTopics(topics: string[]): Promise<void> {
    const admin = await this.connected();
    const existing = new Set(await admin.listTopics());
    const doomed = topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]).filter((topic) => existing.has(topic));
    if (doomed.length > 0) await admin.deleteTopics({ topics: doomed });
  }

  /** Disconnects the admin client. */
  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await (await admin?.catch(() => undefined))?.disconnect();
  }

  private connected(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }
}

/**
 * Waits until every partition of `topics` has a leader. kafkajs' own `waitForLeaders` gives up on
 * the first "does not host this topic-partition" a busy broker answers while it is still
 * creating the topic; that answer is retriable, so it is retried here until `timeoutMs`.
 */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      if (metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0))) return;
    } catch (error) {
      if (!(error instanceof KafkaJSProtocolError && error.retriable) || Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leader after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
