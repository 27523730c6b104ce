import type { OutgoingMessage } from '@oms/contracts';
import type { MessageBus, Subscription, TopicSpec } from '../bus/message-bus';
import type { MessageProducer } from '../bus/message-producer';
import { noopLogger, type MessagingLogger } from '../bus/messaging-logger';
import type { SubscribeOptions } from '../bus/subscribe-options';
import { PublishError } from '../errors/publish.error';
import type { InboxStore } from '../inbox/inbox-store';
import { processorFor } from '../processing/processor-for';
import { deadLetterTopicOf } from '../processing/dead-letter.factory';
import { resolveProcessingContext, subscriptionDefaults } from '../processing/processing-context';
import { withTraceparent } from '../tracing/traceparent.injector';
import { GroupOffsets } from './group-offsets';
import { InProcessLog } from './in-process-log';
import { InProcessSubscription } from './in-process-subscription';

/** Options of {@link InProcessBus}. */
export interface InProcessBusOptions<TClient> {
  /** {@link InMemoryInboxStore} for pure unit tests, {@link PostgresInboxStore} for the demo and integration tests. */
  inbox: InboxStore<TClient>;
  logger?: MessagingLogger;
  /** Partitions of a topic created by a send or a subscription. Default 4, as the broker script. */
  defaultPartitions?: number;
  /** Most records handed to the processor at once per partition. Default 500. */
  maxBatchSize?: number;
}

/** What every view of one in-process bus shares: the topics, the committed offsets, the groups with a member. */
interface SharedBusState {
  log: InProcessLog;
  offsets: GroupOffsets;
  groups: Set<string>;
}

/**
 * The {@link MessageBus} inside one process: topics partitioned by key hash, consumer groups
 * with committed offsets, and the same processor as Kafka (inbox in the transaction, savepoints,
 * dead letters, retries). For unit tests and the zero-setup demo.
 *
 * Differences from Kafka: nothing survives the process; a group has one member at a time; a
 * topic pattern is matched against the topics existing when subscribing.
 *
 * @example
 * const bus = new InProcessBus({ inbox: new InMemoryInboxStore() });
 */
export class InProcessBus<TClient> implements MessageBus<TClient> {
  readonly producer: MessageProducer;
  private readonly log: InProcessLog;
  private readonly offsets: GroupOffsets;
  private readonly groups: Set<string>;
  private readonly subscriptions = new Map<string, InProcessSubscription>();
  private readonly logger: MessagingLogger;
  private closed = false;

  constructor(
    private readonly options: InProcessBusOptions<TClient>,
    shared?: SharedBusState,
  ) {
    this.logger = options.logger ?? noopLogger;
    this.log = shared?.log ?? new InProcessLog(options.defaultPartitions ?? 4);
    this.offsets = shared?.offsets ?? new GroupOffsets();
    this.groups = shared?.groups ?? new Set();
    this.producer = { send: (messages) => this.append(messages) };
  }

  /**
   * Another view of the same topics and offsets whose handlers get `inbox`'s transactions: several
   * services in one process (each with its own schema and inbox) share one bus this way. A view's
   * `close()` closes its own subscriptions and sends only; the others keep running.
   *
   * @example
   * const shared = new InProcessBus({ inbox: new InMemoryInboxStore() });
   * const ordersBus = shared.withInbox(new PostgresInboxStore(orderServicePool));
   */
  withInbox<TOther>(inbox: InboxStore<TOther>, logger: MessagingLogger = this.logger): InProcessBus<TOther> {
    return new InProcessBus<TOther>({ ...this.options, inbox, logger }, { log: this.log, offsets: this.offsets, groups: this.groups });
  }

  /** Starts the group's only member; it reads from the group's committed offsets. */
  async subscribe<TValue>(options: SubscribeOptions<TValue, TClient>): Promise<Subscription> {
    if (this.groups.has(options.groupId)) {
      throw new Error(`in-process bus: group ${options.groupId} already has a member; it supports one per group`);
    }
    const context = resolveProcessingContext(options, { system: 'in-process', inbox: this.options.inbox, deadLetters: this.producer, logger: this.logger });
    const subscription = new InProcessSubscription(
      this.log,
      this.offsets,
      {
        groupId: options.groupId,
        topics: this.resolveTopics(options.topics),
        fromBeginning: options.fromBeginning ?? subscriptionDefaults.fromBeginning,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? subscriptionDefaults.partitionsConsumedConcurrently,
        maxBatchSize: this.options.maxBatchSize ?? 500,
        processor: processorFor(context),
      },
      () => {
        this.subscriptions.delete(options.groupId);
        this.groups.delete(options.groupId);
      },
    );
    this.groups.add(options.groupId);
    this.subscriptions.set(options.groupId, subscription);
    subscription.start();
    return subscription;
  }

  /** Creates the missing topics and their `.dlq` twins. */
  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    for (const { topic, partitions } of topics) {
      this.log.ensureTopic(topic, partitions);
      this.log.ensureTopic(deadLetterTopicOf(topic), partitions);
    }
  }

  /** Closes every subscription (each finishes its batch in flight); later sends fail. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions.values()].map((subscription) => subscription.close()));
    this.closed = true;
  }

  private async append(messages: OutgoingMessage[]): Promise<void> {
    if (this.closed) throw new PublishError('the in-process bus is closed');
    for (const message of messages) this.log.append(withTraceparent(message));
  }

  private resolveTopics(patterns: Array<string | RegExp>): string[] {
    const names = new Set<string>();
    for (const pattern of patterns) {
      if (typeof pattern === 'string') {
        this.log.ensureTopic(pattern);
        names.add(pattern);
      } else {
        for (const topic of this.log.topicNames()) if (pattern.test(topic)) names.add(topic);
      }
    }
    return [...names];
  }
}
