import type { PoolClient } from 'pg';
import { CheckoutScoped } from './checkout-scoped';

/**
 * Effects that belong to a transaction's outcome, not to the attempt: a metric counting what was
 * recorded must not count a batch that rolled back and ran again; a claim held for the
 * transaction must end with it, however it ends. The code that owns the transaction
 * ({@link withTransaction}, the messaging inbox) opens the list at BEGIN and runs it once the
 * transaction is over; code inside the transaction only calls {@link onCommit}, {@link onSettled}
 * or {@link onUndo}.
 */
const pending = new CheckoutScoped<TransactionEffect[]>();

/**
 * An effect of the transaction: after COMMIT only (`commit`), after COMMIT and ROLLBACK alike
 * (`settled`, told which), or when the work since it was registered is undone (`undo`: a
 * ROLLBACK, or a ROLLBACK TO the savepoint that covers it).
 */
export interface TransactionEffect {
  run: (committed: boolean) => void;
  when: 'commit' | 'settled' | 'undo';
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
  if (effects) effects.push({ run: effect, when: 'commit' });
  else effect();
}

/**
 * Runs `effect` once the transaction on `client` is over, committed or rolled back (it is told
 * which); a rollback to a savepoint does not drop it. Answers false (and keeps nothing) when no
 * transaction owner tracks `client`: nothing would ever run it.
 */
export function onSettled(client: PoolClient, effect: (committed: boolean) => void): boolean {
  const effects = pending.get(client);
  effects?.push({ run: effect, when: 'settled' });
  return effects !== undefined;
}

/**
 * Runs `effect` if the work done from now on is rolled back — the whole transaction, or the
 * savepoint in force (a message's, in the messaging inbox) — so in-memory state built on that
 * work can be dropped with it. Nothing runs on COMMIT. On a connection no transaction owner
 * tracks, nothing is kept.
 */
export function onUndo(client: PoolClient, effect: () => void): void {
  pending.get(client)?.push({ run: effect, when: 'undo' });
}

/** How many effects are collected so far: the mark a savepoint rolls back to. */
export function commitEffectsMark(client: PoolClient): number {
  return pending.get(client)?.length ?? 0;
}

/**
 * ROLLBACK TO SAVEPOINT: forgets the commit effects collected since `mark`, runs the undo effects
 * among them (newest first), and keeps those run on settling.
 */
export function dropCommitEffectsSince(client: PoolClient, mark: number): void {
  const effects = pending.get(client);
  if (!effects) return;
  const dropped = effects.splice(mark);
  runUndo(dropped);
  effects.push(...dropped.filter((effect) => effect.when === 'settled'));
}

/**
 * Takes the transaction's effects off `client` — call it before releasing the connection, whose
 * next checkout is another transaction — to run once the transaction is over.
 */
export function takeCommitEffects(client: PoolClient): TransactionEffect[] {
  return pending.take(client) ?? [];
}

/**
 * Runs effects taken with {@link takeCommitEffects}: after a COMMIT the commit and settling
 * ones; after a ROLLBACK the undo ones (newest first), then the settling ones. One that throws
 * does not stop the others.
 */
export function runCommitEffects(effects: readonly TransactionEffect[], committed: boolean): void {
  if (!committed) runUndo(effects);
  for (const effect of effects) {
    if (effect.when === 'settled' || (committed && effect.when === 'commit')) runSafely(effect, committed);
  }
}

/** The undo effects among `effects`, newest first. */
function runUndo(effects: readonly TransactionEffect[]): void {
  for (let index = effects.length - 1; index >= 0; index--) {
    const effect = effects[index] as TransactionEffect;
    if (effect.when === 'undo') runSafely(effect, false);
  }
}

function runSafely(effect: TransactionEffect, committed: boolean): void {
  try {
    effect.run(committed);
  } catch (error) {
    process.emitWarning(`a transaction effect threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}
