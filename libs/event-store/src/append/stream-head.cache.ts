/** What the store last saw at the head of a stream: its version and that event's hash. */
export interface KnownHead {
  version: number;
  hash: Buffer;
}

/**
 * The heads of recently read or written streams, least recently used evicted first.
 *
 * An append that knows the head's hash can write in one statement instead of reading the head
 * first. The cache never has to be right: events are immutable, so "version N of stream S has
 * hash H" is either true for ever or (after a rolled-back write) false — and the one-statement
 * append checks it in the database, falling back to reading the head when it does not hold.
 */
export class StreamHeadCache {
  private readonly heads = new Map<string, KnownHead>();

  constructor(private readonly capacity = 50_000) {}

  get(streamId: string): KnownHead | undefined {
    const head = this.heads.get(streamId);
    if (head) this.touch(streamId, head);
    return head;
  }

  remember(streamId: string, head: KnownHead): void {
    this.touch(streamId, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value as string);
  }

  /** Re-inserting moves the entry to the end of the Map's order: the most recently used. */
  private touch(streamId: string, head: KnownHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
  }
}
