import { DEFAULT_MAX_TIME_GAP_MS } from '../policy/precision-policy';

/** The knobs of matching. The clock is an input: matching never reads the system time. */
export interface ReconciliationConfig {
  /** "Now" in epoch ms: decides whether a flow's settlement window has passed. */
  now: number;
  /** Largest accepted gap between bank time and order time, in ms (default 500). */
  maxTimeGapMs: number;
  /** How long a flow may wait for its bank line before MISSING_BANK_LINE, in ms (default 24 h). */
  settlementWindowMs: number;
}

/** Default settlement window: providers settle to the merchant's account by the next day (T+1). */
export const DEFAULT_SETTLEMENT_WINDOW_MS = 24 * 3_600_000;

/**
 * A config with the defaults, for `now`; override fields as needed.
 *
 * @example
 * reconciliationConfig(now, { maxTimeGapMs: 1_000 });
 */
export function reconciliationConfig(now: number, overrides: Partial<Omit<ReconciliationConfig, 'now'>> = {}): ReconciliationConfig {
  const config = { now, maxTimeGapMs: DEFAULT_MAX_TIME_GAP_MS, settlementWindowMs: DEFAULT_SETTLEMENT_WINDOW_MS, ...overrides };
  for (const [name, value] of Object.entries(config)) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Reconciliation config: ${name} must be an integer number of ms, got ${value}`);
  }
  if (config.maxTimeGapMs < 0 || config.settlementWindowMs < 0) throw new RangeError('Reconciliation config: tolerances cannot be negative');
  return config;
}
