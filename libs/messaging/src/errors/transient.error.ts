/**
 * A failure a later retry of the same work can cure: a dependency that is down, a lock timeout.
 * Thrown from a handler, it rolls the whole batch back and retries it with backoff, so the
 * partition stays in order and nothing is dead-lettered.
 */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
