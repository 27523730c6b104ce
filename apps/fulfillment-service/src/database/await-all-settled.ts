/**
 * Waits until every one of `pending` has settled, then answers their values in order, or throws
 * the first failure (in the order given).
 *
 * For statements issued together on one transaction's connection: `pg` queues a connection's
 * queries and sends the next one the moment the previous one completes, inside the same I/O
 * callback. Statements that do not need each other's answers, issued back to back, so run without
 * waiting for this process's event loop in between — which, with several partitions' chunks in
 * flight on a busy machine, is the larger part of a step. They still run one after another in the
 * order issued, exactly as if awaited in turn. Why wait for all even after a failure: a failed
 * statement aborts the transaction, and the connection must not go back to the pool (or the
 * transaction be retried) while queries are still queued on it.
 */
export async function awaitAllSettled<T extends readonly unknown[]>(pending: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(pending);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
