/**
 * Tells an {@link OutboxRelay} of this process that a writer just committed events, so it reads
 * at once instead of at the end of its idle pause. Writers and the relay are built apart (the
 * consumers with the transport, the relay when the service starts), so they meet here. Commits
 * the signal does not hear of — other processes, writers not wired to it — are still found by the pause.
 *
 * @example
 * const commits = new CommitSignal();
 * bus.subscribe({ …, onBatchProcessed: ({ processed }) => processed > 0 && commits.committed() });
 * const relay = new OutboxRelay({ pool, publish, topicFor, wakeOn: commits });
 */
export class CommitSignal {
  private readonly listeners = new Set<() => void>();

  /** A writer committed: every listener hears it, synchronously. */
  committed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` on every commit until the returned function is called. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
