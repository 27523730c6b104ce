import type { Pool, PoolClient } from 'pg';
import type { ReconciliationTables } from '../database/tables';
import type { ReviewAction, ReviewStatus } from './review-state';

/** Where a queue item comes from. */
export type ReviewSource = 'reconciliation' | 'order-service' | 'fulfillment-service';

/** One item of the operators' single queue. */
export interface QueueItem {
  reviewItemId: string;
  source: ReviewSource;
  cause: string;
  /** Asia/Shanghai business date. */
  businessDate: string;
  orderIds: string[];
  detail: string;
  /** What the item is about besides the order (order-service's subject reference), if any. */
  subjectRef: string | null;
  status: ReviewStatus;
  /** Who claimed or resolved it. */
  actor: string | null;
  /** Epoch ms of the item's earliest time. */
  instantMs: number;
}

/** Filters of the list. */
export interface QueueFilter {
  cause?: string;
  status?: ReviewStatus;
  orderId?: string;
  businessDate?: string;
  source?: ReviewSource;
  limit: number;
}

/** One audited action. */
export interface AuditEntry {
  seq: number;
  reviewItemId: string;
  action: ReviewAction;
  actor: string;
  reason: string | null;
  atMs: number;
  atText: string;
}

/** Review records other services raise, kept as facts: record name → the source it is listed under (also the id prefix, so ids never collide). */
const RAISED_ELSEWHERE = [
  { recordName: 'ReviewItemRaised', source: 'order-service', subject: "payload->>'subjectRef'" },
  { recordName: 'FulfillmentReviewItemRaised', source: 'fulfillment-service', subject: "COALESCE(payload->>'trackingNumber', payload->>'dispatchPlanId')" },
] as const;

/**
 * The queue: reconciliation's review items (the projection's current ones), order-service's
 * `ReviewItemRaised` and fulfillment-service's `FulfillmentReviewItemRaised` (stored facts), with each item's status folded from the append-only
 * `review_action` trail — which no rebuild touches, so operators' work survives one.
 */
export class ReviewQueueRepository {
  constructor(private readonly tables: ReconciliationTables) {}

  // One source's items from the facts, once per item id (a redelivered record is the same item).
  private raisedSql(recordName: string, source: ReviewSource, subject: string): string {
    return `(SELECT DISTINCT ON (payload->>'reviewItemId')
          '${source}:' || (payload->>'reviewItemId') AS review_item_id, '${source}' AS source, payload->>'cause' AS cause,
          to_char(to_timestamp(occurred_at / 1000.0) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS business_date,
          ARRAY[order_id] AS order_ids, payload->>'detail' AS detail, ${subject} AS subject_ref, occurred_at AS instant_ms
        FROM ${this.tables.facts} WHERE record_name = '${recordName}'
        ORDER BY payload->>'reviewItemId', seq)`;
  }

  private itemsSql(): string {
    const t = this.tables;
    return `
      WITH items AS (
        SELECT review_item_id, 'reconciliation' AS source, cause, business_date, order_ids, item->>'detail' AS detail, NULL::text AS subject_ref, instant_ms
        FROM ${t.reviewItems}
        UNION ALL
${RAISED_ELSEWHERE.map((raised) => this.raisedSql(raised.recordName, raised.source, raised.subject)).join('\n        UNION ALL\n')}
      ), last_action AS (
        SELECT DISTINCT ON (review_item_id) review_item_id, action, actor FROM ${t.reviewActions} ORDER BY review_item_id, seq DESC
      )
      SELECT items.*, COALESCE(CASE last_action.action WHEN 'RELEASED' THEN 'OPEN' ELSE last_action.action END, 'OPEN') AS status,
             CASE WHEN last_action.action = 'RELEASED' THEN NULL ELSE last_action.actor END AS actor
      FROM items LEFT JOIN last_action USING (review_item_id)`;
  }

  async list(db: Pool | PoolClient, filter: QueueFilter): Promise<QueueItem[]> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const where = (sql: string, value: unknown): void => {
      values.push(value);
      conditions.push(sql.replace('?', `$${values.length}`));
    };
    if (filter.cause) where('cause = ?', filter.cause);
    if (filter.orderId) where('? = ANY(order_ids)', filter.orderId);
    if (filter.businessDate) where('business_date = ?', filter.businessDate);
    if (filter.source) where('source = ?', filter.source);
    // Status is computed from the CLAIMED/RESOLVED action names; compare on the outer query.
    if (filter.status) where('status = ?', filter.status);
    values.push(filter.limit);
    const sql = `SELECT * FROM (${this.itemsSql()}) queue ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY instant_ms, review_item_id LIMIT $${values.length}`;
    const result = await db.query<Row>(sql, values);
    return result.rows.map(toItem);
  }

  async find(db: Pool | PoolClient, reviewItemId: string): Promise<QueueItem | null> {
    const result = await db.query<Row>(`SELECT * FROM (${this.itemsSql()}) queue WHERE review_item_id = $1`, [reviewItemId]);
    return result.rows[0] ? toItem(result.rows[0]) : null;
  }

  /** Both sides of a reconciliation item (flows and bank lines), as matching attached them. */
  async sides(db: Pool | PoolClient, reviewItemId: string): Promise<unknown> {
    const result = await db.query<{ item: unknown }>(`SELECT item FROM ${this.tables.reviewItems} WHERE review_item_id = $1`, [reviewItemId]);
    return result.rows[0]?.item ?? null;
  }

  /** Serialises actions on one item for the rest of the transaction. */
  async lock(tx: PoolClient, reviewItemId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.tables.schema}:review:${reviewItemId}`]);
  }

  async appendAction(tx: PoolClient, entry: Omit<AuditEntry, 'seq'>): Promise<AuditEntry> {
    const result = await tx.query<{ seq: string }>(
      `INSERT INTO ${this.tables.reviewActions} (review_item_id, action, actor, reason, at_ms, at_text) VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq`,
      [entry.reviewItemId, entry.action, entry.actor, entry.reason, entry.atMs, entry.atText],
    );
    const [row] = result.rows;
    return { ...entry, seq: Number(row?.seq) };
  }

  async history(db: Pool | PoolClient, reviewItemId: string): Promise<AuditEntry[]> {
    const result = await db.query<{ seq: string; review_item_id: string; action: ReviewAction; actor: string; reason: string | null; at_ms: string; at_text: string }>(
      `SELECT * FROM ${this.tables.reviewActions} WHERE review_item_id = $1 ORDER BY seq`,
      [reviewItemId],
    );
    return result.rows.map((row) => ({ seq: Number(row.seq), reviewItemId: row.review_item_id, action: row.action, actor: row.actor, reason: row.reason, atMs: Number(row.at_ms), atText: row.at_text }));
  }
}

interface Row {
  review_item_id: string;
  source: ReviewSource;
  cause: string;
  business_date: string;
  order_ids: string[];
  detail: string;
  subject_ref: string | null;
  instant_ms: string;
  status: ReviewStatus;
  actor: string | null;
}

function toItem(row: Row): QueueItem {
  return {
    reviewItemId: row.review_item_id,
    source: row.source,
    cause: row.cause,
    businessDate: row.business_date,
    orderIds: row.order_ids,
    detail: row.detail,
    subjectRef: row.subject_ref,
    status: row.status,
    actor: row.actor,
    instantMs: Number(row.instant_ms),
  };
}
