/**
 * How long the driver waits for the services. A fixed short timeout gives up while a restarted
 * service is still catching up (its consumer group rebalancing, its backlog replaying), so the
 * driver waits as long as something still moves, and only gives up after `stallMs` without any
 * change in what it observes — or after `maxMs` in all, whatever happens.
 */
export interface Patience {
  /** Give up after this long without progress. */
  stallMs: number;
  /** Give up after this long in all. */
  maxMs: number;
}

/** Generous by default: a SIGKILLed service's restart (start-up plus a 30 s session timeout) fits in a stall twice over. */
export const DEFAULT_PATIENCE: Patience = { stallMs: 120_000, maxMs: 900_000 };

/** What {@link waitWhileProgressing} saw last, and whether the wait ended because `done` held. */
export interface WaitResult<T> {
  value: T;
  done: boolean;
}

/**
 * Polls `observe` until `done` holds for what it returns. Any change in the observation's
 * `fingerprint` counts as progress and restarts the stall clock.
 */
export async function waitWhileProgressing<T>(
  observe: () => Promise<T>,
  done: (value: T) => boolean,
  fingerprint: (value: T) => string,
  patience: Patience,
  intervalMs = 500,
): Promise<WaitResult<T>> {
  const startedAt = Date.now();
  let lastFingerprint: string | undefined;
  let progressAt = startedAt;
  for (;;) {
    const value = await observe();
    if (done(value)) return { value, done: true };
    const now = Date.now();
    const current = fingerprint(value);
    if (current !== lastFingerprint) {
      lastFingerprint = current;
      progressAt = now;
    }
    if (now - progressAt >= patience.stallMs || now - startedAt >= patience.maxMs) return { value, done: false };
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
