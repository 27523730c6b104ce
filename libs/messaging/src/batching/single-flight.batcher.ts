interface Pending<TItem, TResult> {
  item: TItem;
  resolve: (result: TResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for requests: items submitted while `concurrency` flushes are running wait for the
 * next free flush, which takes all of them (up to `maxBatch`) at once. An idle batcher flushes a
 * lone item at once (no timer, no added latency); under load, batches grow by themselves, so one
 * database transaction and one acknowledged Kafka send serve many HTTP requests.
 *
 * `concurrency` 1 (the default) is single flight: one flush at a time. More lets a batch fill
 * and start while the previous one still waits on the database or the broker — worth it when a
 * flush is mostly waiting, as the notification intake's is; each flush stays its own transaction.
 *
 * `flush` returns one result per item, in order; if it throws, every item of the batch is
 * rejected with that error.
 */
export class SingleFlightBatcher<TItem, TResult> {
  private queue: Array<Pending<TItem, TResult>> = [];
  private readonly flushing = new Set<Promise<void>>();

  private scheduled = false;

  /**
   * `gatherTick`: an idle batcher waits for the end of the tick (`setImmediate`) before it
   * flushes, so items submitted together in one tick — the partition batches of one Kafka fetch
   * — make one batch instead of a lone first item and the rest after it.
   */
  constructor(
    private readonly flush: (items: TItem[]) => Promise<TResult[]>,
    private readonly maxBatch = 500,
    private readonly concurrency = 1,
    private readonly gatherTick = false,
  ) {}

  /** Queues an item; resolves with its result once its batch is flushed. */
  submit(item: TItem): Promise<TResult> {
    return new Promise<TResult>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.gatherTick) return this.kick();
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.kick();
      });
    });
  }

  /** Resolves once nothing is queued or in flight (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.flushing.size > 0) await Promise.all(this.flushing);
  }

  private kick(): void {
    if (this.flushing.size >= this.concurrency || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    const flushing: Promise<void> = this.run(batch).finally(() => {
      this.flushing.delete(flushing);
      this.kick();
    });
    this.flushing.add(flushing);
  }

  private async run(batch: Array<Pending<TItem, TResult>>): Promise<void> {
    try {
      const results = await this.flush(batch.map((pending) => pending.item));
      batch.forEach((pending, index) => pending.resolve(results[index] as TResult));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
