import { BadRequestException } from '@nestjs/common';
import type { Pool } from 'pg';
import { decode, type WmsScan } from '@oms/contracts';

/** One scan whose plan id no plan has, as kept in `dispatch_unmatched_scans`. */
export interface UnmatchedScanView {
  scanId: string;
  dispatchPlanId: string;
  reason: string;
  /** When order-service kept it, ISO-8601 UTC. */
  recordedAt: string;
  /** The scan as the WMS/TMS sent it (decoded from the stored Avro bytes). */
  scan: WmsScan;
}

/** A page, newest first; `nextCursor` fetches the older ones (null: none left). */
export interface UnmatchedScansPage {
  items: UnmatchedScanView[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

interface Row {
  scan_id: string;
  dispatch_plan_id: string;
  reason: string;
  recorded_at: Date;
  recorded_us: string;
  payload: Buffer;
}

/**
 * `GET /dispatch-plans/unmatched-scans`: the scans no plan matched — the ones that reach a person
 * only here when they named no order (a scan naming an order also raises a review item on it).
 * Keyset-paged on (recorded_at, scan_id) so a page stays stable while new scans arrive; the cursor
 * carries the time in microseconds, PostgreSQL's precision, which a JS Date would round away.
 */
export class UnmatchedScansQuery {
  constructor(private readonly pool: Pool) {}

  async page(limitText: string | undefined, cursor: string | undefined): Promise<UnmatchedScansPage> {
    const limit = parseLimit(limitText);
    const after = cursor === undefined ? null : parseCursor(cursor);
    const { rows } = await this.pool.query<Row>(
      `SELECT scan_id, dispatch_plan_id, reason, recorded_at, (extract(epoch FROM recorded_at) * 1000000)::bigint::text AS recorded_us, payload
         FROM dispatch_unmatched_scans
        WHERE $1::bigint IS NULL OR (recorded_at, scan_id) < (timestamptz 'epoch' + $1::bigint * interval '1 microsecond', $2::text)
        ORDER BY recorded_at DESC, scan_id DESC
        LIMIT $3`,
      [after?.recordedUs ?? null, after?.scanId ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(toView), nextCursor: rows.length > limit && last ? encodeCursor(last.recorded_us, last.scan_id) : null };
  }
}

function toView(row: Row): UnmatchedScanView {
  return { scanId: row.scan_id, dispatchPlanId: row.dispatch_plan_id, reason: row.reason, recordedAt: row.recorded_at.toISOString(), scan: decode(row.payload, 'WmsScan').value };
}

function parseLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PAGE_SIZE;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw new BadRequestException(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${JSON.stringify(text)}`);
  return limit;
}

function encodeCursor(recordedUs: string, scanId: string): string {
  return Buffer.from(JSON.stringify([recordedUs, scanId])).toString('base64url');
}

function parseCursor(cursor: string): { recordedUs: string; scanId: string } {
  try {
    const [recordedUs, scanId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof recordedUs === 'string' && /^\d+$/.test(recordedUs) && typeof scanId === 'string') return { recordedUs, scanId };
  } catch {
    // falls through to the 400 below
  }
  throw new BadRequestException('cursor must be a nextCursor this endpoint returned');
}
