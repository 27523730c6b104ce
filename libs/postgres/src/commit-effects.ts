import type { PoolClient } from 'pg';
import { CheckoutScoped } from './checkout-scoped';

/**
 * Effects that belong to a transaction's outcome, not to the attempt: a metric counting what was
 * recorded must not count a batch that rolled back and ran again. The code that owns the
 * transaction ({@link withTransaction}, the messaging inbox) opens the list at BEGIN, runs it after
 * COMMIT and drops it on ROLLBACK; code inside the transaction only calls {@link onCommit}.
 */
const pending = new CheckoutScoped<Array<() => void>>();

/** Starts collecting the effects of the transaction just begun on `client`. */
export function beginCommitEffects(client: PoolClient): void {
  pending.set(client, []);
}

/**
 * Runs `effect` once the transaction on `client` has committed, never if it rolls back. On a
 * connection no transaction owner tracks (autocommit), the statement already committed: it runs
 * at once. Effects must be cheap and must not throw (a counter, a cache note).
 */
export function onCommit(client: PoolClient, effect: () => void): void {
  const effects = pending.get(client);
  if (effects) effects.push(effect);
  else effect();
}

/** How many effects are collected so far: the mark a savepoint rolls back to. */
export function commitEffectsMark(client: PoolClient): number {
  return pending.get(client)?.length ?? 0;
}

/** ROLLBACK TO SAVEPOINT: forgets the effects collected since `mark`. */
export function dropCommitEffectsSince(client: PoolClient, mark: number): void {
  pending.get(client)?.splice(mark);
}

/**
 * Takes the transaction's effects off `client` — call it before releasing the connection, whose
 * next checkout is another transaction — and returns them to run after COMMIT, or to drop.
 */
export function takeCommitEffects(client: PoolClient): Array<() => void> {
  return pending.take(client) ?? [];
}

/** Runs effects taken with {@link takeCommitEffects}; one that throws does not stop the others. */
export function runCommitEffects(effects: ReadonlyArray<() => void>): void {
  for (const effect of effects) {
    try {
      effect();
    } catch (error) {
      process.emitWarning(`a commit effect threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
