import type { OrderState } from './order-state';

/**
 * Version of the snapshot layout. Bump it whenever `OrderState` changes shape: old snapshots are
 * then ignored and the order is replayed from its first event, so a snapshot can never smuggle
 * an outdated state into a decision.
 */
export const ORDER_SNAPSHOT_VERSION = 1;

/** A JSON-safe copy of an order state at a stream version. */
export interface OrderSnapshot {
  snapshotVersion: number;
  /** The stream version the state reflects; replay the events after it. */
  streamVersion: number;
  state: OrderState;
}

/** Takes a snapshot of a state (a deep copy: later changes to either side do not leak). */
export function snapshot(state: OrderState): OrderSnapshot {
  return {
    snapshotVersion: ORDER_SNAPSHOT_VERSION,
    streamVersion: state.version,
    state: structuredClone(state),
  };
}

/**
 * Restores a state from a snapshot, or returns null when the snapshot is of another layout
 * version or inconsistent — the caller then replays the whole stream.
 *
 * @example
 * const base = (stored && fromSnapshot(stored)) ?? initialState;
 * const state = rebuild(await store.readStream(orderId, { after: base.version }), base);
 */
export function fromSnapshot(stored: OrderSnapshot): OrderState | null {
  if (stored.snapshotVersion !== ORDER_SNAPSHOT_VERSION) return null;
  if (stored.state?.version !== stored.streamVersion) return null;
  return structuredClone(stored.state);
}
