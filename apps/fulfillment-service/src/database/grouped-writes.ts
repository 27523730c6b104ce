/** Writes several items durably in one go (one statement, one commit). */
export type GroupWrite<T> = (items: T[]) => Promise<void>;

/**
 * Group commit for rows written outside any transaction of the caller's: an item handed in while
 * a write is in flight waits for it and goes with everything else that arrived meanwhile, in one
 * write. Each `write` still resolves only once its own item is durable (or rejects with the
 * failure of the write that carried it), so a caller may rely on it exactly as on an insert of its
 * own — but twenty route queries answering at once cost a couple of commits, not twenty.
 *
 * @example
 * const log = new GroupedWrites<CallAttempt>((attempts) => insertAll(pool, attempts));
 * await log.write(attempt); // durable here
 */
export class GroupedWrites<T> {
  private waiting: Array<{ item: T; resolve: () => void; reject: (error: unknown) => void }> = [];
  private writing = false;

  constructor(
    private readonly writeAll: GroupWrite<T>,
    private readonly maxItems = 100,
  ) {}

  write(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.maxItems);
      try {
        await this.writeAll(group.map((entry) => entry.item));
        for (const entry of group) entry.resolve();
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    this.writing = false;
  }
}
