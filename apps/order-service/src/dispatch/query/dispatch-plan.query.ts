import { NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import { decode, type DecodedRecord } from '@oms/contracts';
import type { EventStore } from '@oms/event-store';
import { buildDispatchPlanView, type DispatchPlanView } from './dispatch-plan.view';

/**
 * `GET /dispatch-plans/{id}`: finds the orders whose streams carry the plan (the
 * `dispatch_plan_orders` index written with each proposal) and rebuilds the plan, its versions,
 * the reasons and every scan from those streams — the log is the source, the index only says
 * where to look.
 */
export class DispatchPlanQuery {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  async view(dispatchPlanId: string): Promise<DispatchPlanView> {
    const { rows } = await this.pool.query<{ order_id: string }>('SELECT order_id FROM dispatch_plan_orders WHERE dispatch_plan_id = $1', [dispatchPlanId]);
    if (rows.length === 0) throw new NotFoundException(await this.notFoundMessage(dispatchPlanId));
    const streams = new Map<string, DecodedRecord[]>();
    for (const { order_id: orderId } of rows) streams.set(orderId, (await this.store.readStream(orderId)).map((event) => decode(event.payload)));
    return buildDispatchPlanView(dispatchPlanId, streams);
  }

  private async notFoundMessage(dispatchPlanId: string): Promise<string> {
    const { rows } = await this.pool.query<{ scans: number }>('SELECT count(*)::int AS scans FROM dispatch_unmatched_scans WHERE dispatch_plan_id = $1', [dispatchPlanId]);
    const scans = rows[0]?.scans ?? 0;
    return `dispatch plan ${dispatchPlanId} not found${scans > 0 ? ` (${scans} scan(s) carrying it are kept as unmatched)` : ''}`;
  }
}
