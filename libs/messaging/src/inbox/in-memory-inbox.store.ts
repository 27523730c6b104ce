import type { InboxEntry, InboxStore, InboxTransaction } from './inbox-store';

/**
 * The transaction handle of {@link InMemoryInboxStore}: effects registered with `afterCommit`
 * run only if the batch commits, and are discarded with a rolled-back message or batch, so
 * pure unit tests see the same exactly-once effects as PostgreSQL gives.
 *
 * @example
 * handler: async (message, tx) => tx.afterCommit(() => totals.add(message.value.amount))
 */
export interface InMemoryUnitOfWork {
  afterCommit(effect: () => void): void;
}

/**
 * An inbox in process memory, for unit tests and the zero-setup demo. Ids in an open
 * transaction are reserved, so a concurrent transaction skips them (PostgreSQL would wait for
 * the first to finish instead; the difference only shows when that first one rolls back).
 */
export class InMemoryInboxStore implements InboxStore<InMemoryUnitOfWork> {
  private readonly committed = new Map<string, 'processed' | 'dead-lettered'>();
  private readonly reserved = new Set<string>();

  /** Opens a transaction whose effects and inbox rows apply on commit only. */
  async begin(): Promise<InboxTransaction<InMemoryUnitOfWork>> {
    return new InMemoryInboxTransaction(this.committed, this.reserved);
  }

  /** The outcome recorded for a message in a group, if any (for tests and the demo). */
  outcomeOf(consumerGroup: string, messageId: string): 'processed' | 'dead-lettered' | undefined {
    return this.committed.get(inboxKey({ consumerGroup, messageId }));
  }
}

function inboxKey(entry: Pick<InboxEntry, 'consumerGroup' | 'messageId'>): string {
  return `${entry.consumerGroup}\u0000${entry.messageId}`;
}

class InMemoryInboxTransaction implements InboxTransaction<InMemoryUnitOfWork> {
  private readonly staged = new Map<string, 'processed' | 'dead-lettered'>();
  private effects: Array<() => void> = [];
  private savepointAt = 0;
  readonly client: InMemoryUnitOfWork = { afterCommit: (effect) => void this.effects.push(effect) };

  constructor(
    private readonly committed: Map<string, 'processed' | 'dead-lettered'>,
    private readonly reserved: Set<string>,
  ) {}

  async recordNew(entries: readonly InboxEntry[]): Promise<ReadonlySet<string>> {
    const fresh = new Set<string>();
    for (const entry of entries) {
      const key = inboxKey(entry);
      if (this.committed.has(key) || this.reserved.has(key)) continue;
      this.reserved.add(key);
      this.staged.set(key, 'processed');
      fresh.add(entry.messageId);
    }
    return fresh;
  }

  async markDeadLettered(entry: InboxEntry): Promise<void> {
    this.staged.set(inboxKey(entry), 'dead-lettered');
  }

  async savepoint(): Promise<void> {
    this.savepointAt = this.effects.length;
  }

  async rollbackToSavepoint(): Promise<void> {
    this.effects = this.effects.slice(0, this.savepointAt);
  }

  async releaseSavepoint(): Promise<void> {
    this.savepointAt = this.effects.length;
  }

  async commit(): Promise<void> {
    for (const [key, outcome] of this.staged) this.committed.set(key, outcome);
    this.unreserve();
    for (const effect of this.effects) effect();
  }

  async rollback(): Promise<void> {
    this.unreserve();
    this.effects = [];
  }

  private unreserve(): void {
    for (const key of this.staged.keys()) this.reserved.delete(key);
    this.staged.clear();
  }
}
