import type { SimulatedSource } from './carrier-book';

/** Who can be told to fail: a carrier's API, or the warehouse's. */
export type FaultTarget = SimulatedSource | 'WAREHOUSE';

/**
 * Injected failures, as an overloaded carrier gateway has them: the next N requests to a target
 * answer 503 (deterministic, for tests), or each request fails with a probability (occasional
 * 5xx, for demos and benchmarks). Every request is counted, so tests can check what the client sent.
 */
export class FaultPlan {
  private readonly pending = new Map<FaultTarget, number>();
  private readonly counts = new Map<FaultTarget, number>();
  private readonly rates = new Map<FaultTarget, number>();

  constructor(private readonly random: () => number = Math.random) {}

  /** From now on each request to `target` answers 503 with probability `rate` (0 stops it). */
  failOccasionally(target: FaultTarget, rate: number): void {
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`failure rate must be within 0..1, got ${rate}`);
    this.rates.set(target, rate);
  }

  /** The next `count` requests to `target` answer 503. */
  failNext(target: FaultTarget, count: number): void {
    this.pending.set(target, (this.pending.get(target) ?? 0) + count);
  }

  /** Counts the request; true when it must fail. */
  take(target: FaultTarget): boolean {
    this.counts.set(target, (this.counts.get(target) ?? 0) + 1);
    const left = this.pending.get(target) ?? 0;
    if (left <= 0) return this.random() < (this.rates.get(target) ?? 0);
    this.pending.set(target, left - 1);
    return true;
  }

  /** Requests `target` received so far. */
  requests(target: FaultTarget): number {
    return this.counts.get(target) ?? 0;
  }
}
