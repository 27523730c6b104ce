import type { Pool, PoolClient } from 'pg';
import type { AppendedEvent } from '../orders/command-request';

/** A delivery the worker has claimed. */
export interface DueDelivery {
  id: number;
  eventId: string;
  orderId: string;
  eventType: string;
  body: unknown;
  attempts: number;
}

/** How long a claimed delivery is hidden from other workers while its POST is in flight. */
const CLAIM_LEASE_SECONDS = 60;

/**
 * `webhook_deliveries` and `webhook_delivery_attempts`: order changes waiting for the
 * notification webhook. Rows are written in the transaction of the change's events, so a change
 * is never accepted without its notification, nor notified without being accepted.
 */
export class WebhookDeliveryRepository {
  constructor(private readonly pool: Pool) {}

  /** Queues the change's events (inside the change's transaction). */
  async enqueue(client: PoolClient, events: readonly AppendedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const bodies = events.map(({ eventId, streamVersion, event, record }) => ({
      eventId, orderId: event.data.orderId, type: event.type, streamVersion, occurredAt: event.data.occurredAtText, payload: record.value,
    }));
    await client.query(
      `INSERT INTO webhook_deliveries (event_id, order_id, event_type, body)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])`,
      [bodies.map((b) => b.eventId), bodies.map((b) => b.orderId), bodies.map((b) => b.type), bodies.map((b) => JSON.stringify(b))],
    );
  }

  /**
   * Claims up to `limit` due deliveries, oldest first, by pushing their next attempt a lease
   * ahead — a short transaction, so no transaction stays open during an HTTP call (an open one
   * would hold the outbox relay back).
   */
  async claimDue(limit: number): Promise<DueDelivery[]> {
    const result = await this.pool.query<{ id: string; event_id: string; order_id: string; event_type: string; body: unknown; attempts: number }>(
      `UPDATE webhook_deliveries SET next_attempt_at = now() + make_interval(secs => $2)
        WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
                      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, event_id, order_id, event_type, body, attempts`,
      [limit, CLAIM_LEASE_SECONDS],
    );
    return result.rows
      .map((row) => ({ id: Number(row.id), eventId: row.event_id, orderId: row.order_id, eventType: row.event_type, body: row.body, attempts: row.attempts }))
      .sort((a, b) => a.id - b.id);
  }

  /** Records an attempt; a failed one schedules the next after `retryInMs`. */
  async recordAttempt(delivery: DueDelivery, outcome: { httpStatus: number | null; error: string | null; durationMs: number; retryInMs: number | null }): Promise<void> {
    const attempt = delivery.attempts + 1;
    const delivered = outcome.retryInMs === null;
    await this.pool.query(
      `WITH attempt AS (INSERT INTO webhook_delivery_attempts (delivery_id, attempt, http_status, error, duration_ms) VALUES ($1, $2, $3, $4, $5))
       UPDATE webhook_deliveries
          SET attempts = $2, last_error = $4,
              status = CASE WHEN $6 THEN 'delivered' ELSE 'pending' END,
              delivered_at = CASE WHEN $6 THEN now() END,
              next_attempt_at = CASE WHEN $6 THEN next_attempt_at ELSE now() + make_interval(secs => $7::double precision / 1000) END
        WHERE id = $1`,
      [delivery.id, attempt, outcome.httpStatus, outcome.error, Math.round(outcome.durationMs), delivered, outcome.retryInMs ?? 0],
    );
  }
}
