import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { withTransaction } from '@oms/postgres';
import { PeriodicJob } from '@oms/nest-kit';
import type { OrderStreamRepository } from '../../orders/order-stream.repository';
import type { DispatchPlanner } from './dispatch-planner.service';
import type { PendingDecisionRepository, PendingOrder } from './pending-decision.repository';
import type { ReadyOrdersFeed } from './ready-orders.feed';
import type { ReplanService } from './replan.service';

/** Most decisions one lane makes per tick before it yields (each is its own transaction). */
const DECISIONS_PER_TICK = 200;
/**
 * Decisions made in parallel (each lane owns a share of the customers). A decision is mostly
 * database round trips (claim, read the group's streams, append to each), so lanes overlap them.
 */
const LANES = 4;
/** Events read from the log per feed transaction. */
const PAGE_SIZE = 500;

/**
 * The decision window's clock: every `DISPATCH_POLL_INTERVAL_MS` it feeds new ready orders from
 * the log, then decides every order whose window ran out — each in its own short transaction
 * that locks the anchor and the customer's other waiting orders, so the group is planned once.
 * Driven by `dispatch_pending` rows, not timers: after a restart the overdue ones are decided at
 * the first tick.
 */
export class DispatchDecisionWorker {
  private readonly job: PeriodicJob;

  constructor(
    private readonly pool: Pool,
    private readonly feed: ReadyOrdersFeed,
    private readonly pending: PendingDecisionRepository,
    private readonly streams: OrderStreamRepository,
    private readonly planner: DispatchPlanner,
    private readonly replans: ReplanService,
    private readonly logger: Logger,
  ) {
    this.job = new PeriodicJob('dispatch decision tick', () => this.runOnce(), logger);
  }

  start(intervalMs: number): void {
    this.job.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** Feeds the log's new ready orders and decides the due ones; returns how many decisions were made. */
  async runOnce(at = Date.now()): Promise<number> {
    // Catch up with the log first (a full page means there may be more), so due groups are complete.
    for (let pages = 0; pages < 50; pages++) if ((await this.feed.pollOnce(PAGE_SIZE)).read < PAGE_SIZE) break;
    const lanes = Array.from({ length: LANES }, (_, lane) => this.decideLane(at, lane));
    const decided = (await Promise.all(lanes)).reduce((sum, count) => sum + count, 0);
    return decided + (await this.replanRequested());
  }

  /** Plans whose order's address changed after planning get a new version (one request at a time). */
  private async replanRequested(): Promise<number> {
    let replanned = 0;
    for (let request = await this.takeReplanRequest(); request; request = await this.takeReplanRequest()) {
      const correlationId = randomUUID();
      const outcome = await this.replans
        .replanAs(request.dispatchPlanId, { correlationId, causationId: correlationId, actor: 'system:dispatch', reason: `address of ${request.orderId} changed` })
        .catch((error: unknown) => this.logger.warn({ ...request, error: String(error) }, 'address changed but the plan could not be re-planned'));
      if (outcome) replanned += 1;
    }
    return replanned;
  }

  private takeReplanRequest() {
    return withTransaction(this.pool, (client) => this.pending.takeReplanRequest(client));
  }

  private async decideLane(at: number, lane: number): Promise<number> {
    let decided = 0;
    while (decided < DECISIONS_PER_TICK && (await this.decideOne(at, lane))) decided += 1;
    return decided;
  }

  private decideOne(at: number, lane: number): Promise<boolean> {
    return withTransaction(this.pool, async (client) => {
      const anchor = await this.pending.claimDue(client, at, lane, LANES);
      if (!anchor) return false;
      const [ready, gone] = await this.stillReady(client, [anchor, ...(await this.pending.claimWaitingOf(client, anchor.customerId, anchor.orderId))]);
      if (gone.length > 0) await this.pending.setStatus(client, gone, 'SKIPPED');
      if (!ready.some((order) => order.orderId === anchor.orderId)) {
        this.logger.info({ orderId: anchor.orderId }, 'order left ready_to_dispatch before its decision (cancelled or refunded): not planned');
        return true;
      }
      const correlationId = randomUUID();
      const metadata = { correlationId, causationId: correlationId, actor: 'system:dispatch' };
      await this.planner.plan(client, { anchorOrderId: anchor.orderId, orders: ready.map((order) => order.facts), metadata });
      return true;
    });
  }

  /** Splits orders into those still ready_to_dispatch and the ids of those that moved on. */
  private async stillReady(client: PoolClient, orders: PendingOrder[]): Promise<[PendingOrder[], string[]]> {
    const ready: PendingOrder[] = [];
    const gone: string[] = [];
    for (const order of orders) {
      const { state } = await this.streams.load(order.orderId, client);
      if (state.status === 'ready_to_dispatch') ready.push(order);
      else gone.push(order.orderId);
    }
    return [ready, gone];
  }
}
