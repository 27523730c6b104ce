import { SingleFlightBatcher } from '@oms/messaging';
import type { Pool } from 'pg';
import type { CallAttempt, ExternalSystem } from './external-call';

// Parameters of one external_calls row in the INSERT.
const INSERT_COLUMNS = 18;
// Rows of one INSERT: 100 × 18 parameters stays far below PostgreSQL's 65,535.
const MAX_ATTEMPTS_PER_INSERT = 100;

/** A call-log row as the HTTP API shows it. */
export interface CallLogEntry {
  callId: string;
  requestId: string;
  system: ExternalSystem;
  operation: string;
  attempt: number;
  orderId: string | null;
  trackingNumber: string | null;
  /** Every order and waybill of a call concerning several (a batched route query), else null. */
  orderIds: string[] | null;
  trackingNumbers: string[] | null;
  method: string;
  url: string;
  requestBody: string | null;
  httpStatus: number | null;
  responseBody: string | null;
  error: string | null;
  durationMs: number;
  retryAfterMs: number | null;
  startedAt: string;
}

const COLUMNS = `call_id AS "callId", request_id AS "requestId", system, operation, attempt, order_id AS "orderId",
  tracking_number AS "trackingNumber", order_ids AS "orderIds", tracking_numbers AS "trackingNumbers", method, url, request_body AS "requestBody", http_status AS "httpStatus",
  response_body AS "responseBody", error, duration_ms AS "durationMs", retry_after_ms AS "retryAfterMs", started_at AS "startedAt"`;

/**
 * The call log: every attempt of every warehouse and carrier call. Written on the pool, outside
 * the message's transaction, on purpose: a call that happened stays recorded even when the
 * handler that made it rolls back and runs again.
 */
export class CallLogRepository {
  // Attempts recorded at the same moment (a chunk's route queries answering together) share one
  // INSERT and one commit; each record() still waits for its own row to be durable.
  private readonly attempts = new SingleFlightBatcher<CallAttempt, void>(async (attempts) => {
    await this.insertAll(attempts);
    return attempts.map(() => undefined);
  }, MAX_ATTEMPTS_PER_INSERT);

  constructor(private readonly pool: Pool) {}

  /** Records an attempt; resolves once its row is committed. */
  record(attempt: CallAttempt): Promise<void> {
    return this.attempts.submit(attempt);
  }

  private async insertAll(attempts: CallAttempt[]): Promise<void> {
    const values = attempts.flatMap(({ call, ...attempt }) => [attempt.callId, attempt.requestId, call.system, call.operation, attempt.attempt, call.orderId ?? null, call.trackingNumber ?? null,
      call.method, call.url, call.body ?? null, attempt.httpStatus, attempt.responseBody, attempt.error, attempt.durationMs, attempt.retryAfterMs, attempt.startedAt, call.orderIds ?? null, call.trackingNumbers ?? null]);
    const rows = attempts.map((_, row) => {
      const p = (column: number) => `$${row * INSERT_COLUMNS + column}`;
      return `(${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map(p).join(', ')}, to_timestamp(${p(16)}::double precision / 1000), ${p(17)}::text[], ${p(18)}::text[])`;
    });
    await this.pool.query(
      `INSERT INTO external_calls (call_id, request_id, system, operation, attempt, order_id, tracking_number, method, url, request_body,
         http_status, response_body, error, duration_ms, retry_after_ms, started_at, order_ids, tracking_numbers)
       VALUES ${rows.join(',\n              ')}`,
      values,
    );
  }

  /** Every attempt concerning an order, oldest first. */
  async byOrder(orderId: string): Promise<CallLogEntry[]> {
    const { rows } = await this.pool.query<CallLogEntry>(`SELECT ${COLUMNS} FROM external_calls WHERE order_id = $1 OR order_ids @> ARRAY[$1::text] ORDER BY started_at, attempt`, [orderId]);
    return rows;
  }

  /** Every attempt concerning a waybill, oldest first. */
  async byTrackingNumber(trackingNumber: string): Promise<CallLogEntry[]> {
    const { rows } = await this.pool.query<CallLogEntry>(`SELECT ${COLUMNS} FROM external_calls WHERE tracking_number = $1 OR tracking_numbers @> ARRAY[$1::text] ORDER BY started_at, attempt`, [trackingNumber]);
    return rows;
  }
}
