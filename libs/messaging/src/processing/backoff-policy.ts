/** Exponential backoff: `initialDelayMs * multiplier^(attempt-1)`, capped, with ±20 % jitter. */
export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  multiplier: number;
}

/** Default for retrying a batch: 200 ms, doubling, capped at 10 s. */
export const defaultBackoff: BackoffPolicy = { initialDelayMs: 200, maxDelayMs: 10_000, multiplier: 2 };

/** The delay before retry number `attempt` (1-based). */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random = Math.random): number {
  const exponential = policy.initialDelayMs * policy.multiplier ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  // Jitter keeps consumers that failed together from retrying in lock-step.
  return Math.round(capped * (0.8 + 0.4 * random()));
}

/** What a waiting consumer must keep doing: heartbeat the group and notice a shutdown. */
export interface WaitControl {
  heartbeat(): Promise<void>;
  isRunning(): boolean;
}

// Short slices so a heartbeat is sent well inside any session timeout and close() is noticed fast.
const SLICE_MS = 500;

/**
 * Sleeps `delayMs` while heartbeating. Resolves `false` as soon as the consumer stops running.
 * A heartbeat failure (the group is rebalancing) is thrown so the client can rejoin.
 */
export async function waitWhileRunning(delayMs: number, control: WaitControl): Promise<boolean> {
  const until = Date.now() + delayMs;
  while (control.isRunning()) {
    const left = until - Date.now();
    if (left <= 0) return true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(SLICE_MS, left)));
    await control.heartbeat();
  }
  return false;
}
