/** One row of the inbox: this group has handled (or dead-lettered) this message. */
export interface InboxEntry {
  consumerGroup: string;
  messageId: string;
  topic: string;
  partition: number;
  offset: string;
}

/**
 * One batch transaction. The processor records the batch's ids, runs each new message inside a
 * savepoint, and commits; the handler receives `client` to write its own effects in the same
 * transaction.
 */
export interface InboxTransaction<TClient> {
  readonly client: TClient;
  /** Records the entries not seen before and returns their message ids. */
  recordNew(entries: readonly InboxEntry[]): Promise<ReadonlySet<string>>;
  /** Marks a recorded entry as dead-lettered rather than processed. */
  markDeadLettered(entry: InboxEntry): Promise<void>;
  savepoint(): Promise<void>;
  rollbackToSavepoint(): Promise<void>;
  releaseSavepoint(): Promise<void>;
  commit(): Promise<void>;
  /** Rolls back and releases resources; never throws. */
  rollback(): Promise<void>;
}

/**
 * Where the inbox lives and what transaction handlers get. {@link PostgresInboxStore} for
 * services; {@link InMemoryInboxStore} for pure unit tests and the zero-setup demo.
 */
export interface InboxStore<TClient> {
  begin(): Promise<InboxTransaction<TClient>>;
}
