/** Current time, injectable so tests can move it (settlement windows, the 09:00 schedule). */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** The process clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests set and advance by hand. */
export class ManualClock implements Clock {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  set(epochMs: number): void {
    this.current = epochMs;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
