import type { PoolClient } from 'pg';
import { CheckoutScoped } from './checkout-scoped';

/**
 * Effects that belong to a transaction's outcome, not to the attempt: a metric counting what was
 * recorded must not count a batch that rolled back and ran again; a claim held for the
 * transaction must end with it, however it ends. The code that owns the transaction
 * ({@link withTransaction}, the messaging inbox) opens the list at BEGIN and runs it once the
 * transaction is over; code inside the transaction only calls {@link onCommit} or {@link onSettled}.
 */
const pending = new CheckoutScoped<TransactionEffect[]>();

/** An effect of the transaction: after COMMIT only, or after COMMIT and ROLLBACK alike (`always`, told which). */
export interface TransactionEffect {
  run: (committed: boolean) => void;
  always: boolean;
}

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
  if (effects) effects.push({ run: effect, always: false });
  else effect();
}

/**
 * Runs `effect` once the transaction on `client` is over, committed or rolled back (it is told
 * which); a rollback to a savepoint does not drop it. Answers false (and keeps nothing) when no
 * transaction owner tracks `client`: nothing would ever run it.
 */
export function onSettled(client: PoolClient, effect: (committed: boolean) => void): boolean {
  const effects = pending.get(client);
  effects?.push({ run: effect, always: true });
  return effects !== undefined;
}

/** How many effects are collected so far: the mark a savepoint rolls back to. */
export function commitEffectsMark(client: PoolClient): number {
  return pending.get(client)?.length ?? 0;
}

/** ROLLBACK TO SAVEPOINT: forgets the commit effects collected since `mark` (those run on settling stay). */
export function dropCommitEffectsSince(client: PoolClient, mark: number): void {
  const effects = pending.get(client);
  if (!effects) return;
  const kept = effects.splice(mark).filter((effect) => effect.always);
  effects.push(...kept);
}

/**
 * Takes the transaction's effects off `client` — call it before releasing the connection, whose
 * next checkout is another transaction — to run once the transaction is over.
 */
export function takeCommitEffects(client: PoolClient): TransactionEffect[] {
  return pending.take(client) ?? [];
}

/**
 * Runs effects taken with {@link takeCommitEffects}: all of them after a COMMIT, only those run
 * on settling after a ROLLBACK. One that throws does not stop the others.
 */
export function runCommitEffects(effects: readonly TransactionEffect[], committed: boolean): void {
  for (const effect of effects) {
    if (!committed && !effect.always) continue;
    try {
      effect.run(committed);
    } catch (error) {
      process.emitWarning(`a transaction effect threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
