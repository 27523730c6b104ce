/** Where a {@link CircuitBreaker} stands. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** When a breaker opens and how long it stays open. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before one trial call is let through. */
  cooldownMs: number;
}

/**
 * A circuit breaker as plain state (the clock is passed in, so it is tested without timers):
 * closed → `failureThreshold` failures in a row → open (calls refused at once) → after
 * `cooldownMs` one trial call (half-open) → closed on success, open again on failure. It keeps
 * an optional dependency that is down from costing every caller a timeout.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  state(now: number): CircuitState {
    if (this.openedAt === null) return 'closed';
    return now - this.openedAt >= this.options.cooldownMs ? 'half-open' : 'open';
  }

  /** Whether a call may go out now; in half-open, only one trial call at a time. */
  tryAcquire(now: number): boolean {
    const state = this.state(now);
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  failed(now: number): void {
    this.failures += 1;
    if (this.trialInFlight || this.failures >= this.options.failureThreshold) this.openedAt = now;
    this.trialInFlight = false;
  }
}
