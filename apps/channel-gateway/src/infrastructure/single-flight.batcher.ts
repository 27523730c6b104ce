interface Pending<TItem, TResult> {
  item: TItem;
  resolve: (result: TResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for requests: items submitted while a flush is running wait for the next flush,
 * which takes all of them (up to `maxBatch`) at once. An idle batcher flushes a lone item at once
 * (no timer, no added latency); under load, batches grow by themselves, so one database
 * transaction and one acknowledged Kafka send serve many HTTP requests.
 *
 * `flush` returns one result per item, in order; if it throws, every item of the batch is
 * rejected with that error.
 */
export class SingleFlightBatcher<TItem, TResult> {
  private queue: Array<Pending<TItem, TResult>> = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly flush: (items: TItem[]) => Promise<TResult[]>,
    private readonly maxBatch = 500,
  ) {}

  /** Queues an item; resolves with its result once its batch is flushed. */
  submit(item: TItem): Promise<TResult> {
    return new Promise<TResult>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.kick();
    });
  }

  /** Resolves once nothing is queued or in flight (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private kick(): void {
    if (this.flushing || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.flushing = this.run(batch).finally(() => {
      this.flushing = undefined;
      this.kick();
    });
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
