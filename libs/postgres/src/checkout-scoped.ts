import type { PoolClient } from 'pg';

/**
 * A value that belongs to one checkout of a pooled connection — one transaction — and must never
 * leak into the next: pg-pool gives each checkout a new `release` function, so an entry whose
 * `release` is not the client's current one belongs to an earlier checkout and reads as absent.
 */
export class CheckoutScoped<T> {
  private readonly entries = new WeakMap<PoolClient, { release: PoolClient['release']; value: T }>();

  get(client: PoolClient): T | undefined {
    const entry = this.entries.get(client);
    return entry && entry.release === client.release ? entry.value : undefined;
  }

  set(client: PoolClient, value: T): T {
    this.entries.set(client, { release: client.release, value });
    return value;
  }

  /** Removes and returns the checkout's value. */
  take(client: PoolClient): T | undefined {
    const value = this.get(client);
    this.entries.delete(client);
    return value;
  }
}
