/** Current time, injectable so tests can move it (stale timestamps, nonce windows). */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** The process clock. */
export const systemClock: Clock = { now: () => Date.now() };
