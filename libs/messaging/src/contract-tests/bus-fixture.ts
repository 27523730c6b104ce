import type { MessageBus } from '../bus/message-bus';
import type { InMemoryUnitOfWork } from '../inbox/in-memory-inbox.store';
import type { RecordingLogger } from './recording.logger';

/** One observable effect of a handler, written in its transaction. */
export interface Effect {
  groupId: string;
  messageId: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
}

/** Where a bus under test lets handlers write effects transactionally, and reads the committed ones. */
export interface EffectStore<TClient> {
  record(tx: TClient, effect: Effect): Promise<void>;
  /** Committed effects of a topic, in commit order. */
  list(topic: string): Promise<Effect[]>;
}

/** A bus under contract test, with its effect store and cleanup. */
export interface BusFixture<TClient> {
  bus: MessageBus<TClient>;
  effects: EffectStore<TClient>;
  /** The logger the bus was created with. */
  logger: RecordingLogger;
  /** A topic (and its `.dlq` twin) no other test uses. */
  createTopic(prefix: string, partitions: number): Promise<string>;
  teardown(): Promise<void>;
}

/** Effects applied only when the in-memory transaction commits. */
export class InMemoryEffectStore implements EffectStore<InMemoryUnitOfWork> {
  private readonly effects: Effect[] = [];

  async record(tx: InMemoryUnitOfWork, effect: Effect): Promise<void> {
    tx.afterCommit(() => this.effects.push(effect));
  }

  async list(topic: string): Promise<Effect[]> {
    return this.effects.filter((effect) => effect.topic === topic);
  }
}
