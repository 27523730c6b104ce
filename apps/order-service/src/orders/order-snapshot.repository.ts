import type { Pool, PoolClient } from 'pg';
import { fromSnapshot, snapshot, type OrderSnapshot } from '@oms/order-domain';
import type { LoadedOrder } from './loaded-order';

/** What `order_snapshots` keeps: the domain's snapshot plus the Avro-only facts of {@link LoadedOrder}. */
interface StoredSnapshot {
  order: OrderSnapshot;
  acceptedNotificationId?: string;
  placedLines?: LoadedOrder['placedLines'];
  address?: LoadedOrder['address'];
}

/** Orders remembered as having a snapshot; past this the oldest are forgotten (and replayed in full once). */
const REMEMBERED = 100_000;

/**
 * Snapshots of long order streams (`order_snapshots`, one row per order, the latest wins). A
 * snapshot is a cache of a replay, never a source of truth: one of another layout version is
 * ignored (the domain's `fromSnapshot`), and the events after it are always replayed on top.
 *
 * Most orders are short and never get one, so the table is asked only about orders this process
 * has taken a snapshot of: every other load costs no extra round trip. After a restart a long
 * order is replayed in full once, which takes its snapshot again.
 */
export class OrderSnapshotRepository {
  private readonly snapshotted = new Set<string>();

  constructor(private readonly pool: Pool) {}

  /** The order as of its latest usable snapshot, or undefined (in `client`'s transaction when given). */
  async find(orderId: string, client?: PoolClient): Promise<LoadedOrder | undefined> {
    if (!this.snapshotted.has(orderId)) return undefined;
    const { rows } = await (client ?? this.pool).query<{ snapshot: StoredSnapshot }>({ name: 'order-snapshot-find', text: 'SELECT snapshot FROM order_snapshots WHERE order_id = $1', values: [orderId] });
    const stored = rows[0]?.snapshot;
    const state = stored && fromSnapshot(stored.order);
    if (!stored || !state) return undefined;
    return { orderId, state, acceptedNotificationId: stored.acceptedNotificationId, placedLines: stored.placedLines, address: stored.address };
  }

  /** Keeps the order's state as its snapshot, unless a later one is kept already. */
  async save(order: LoadedOrder, client: PoolClient): Promise<void> {
    const stored: StoredSnapshot = { order: snapshot(order.state), acceptedNotificationId: order.acceptedNotificationId, placedLines: order.placedLines, address: order.address };
    await client.query({
      name: 'order-snapshot-save',
      text: `INSERT INTO order_snapshots (order_id, stream_version, snapshot) VALUES ($1, $2, $3)
             ON CONFLICT (order_id) DO UPDATE SET stream_version = EXCLUDED.stream_version, snapshot = EXCLUDED.snapshot, taken_at = now()
             WHERE order_snapshots.stream_version < EXCLUDED.stream_version`,
      values: [order.orderId, order.state.version, JSON.stringify(stored)],
    });
    this.snapshotted.add(order.orderId);
    if (this.snapshotted.size > REMEMBERED) this.snapshotted.delete(this.snapshotted.values().next().value as string);
  }
}
