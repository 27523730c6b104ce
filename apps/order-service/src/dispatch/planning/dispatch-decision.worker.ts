import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { withTransaction } from '@oms/postgres';
import { PeriodicJob } from '@oms/nest-kit';
import type { LoadedOrder } from '../../orders/loaded-order';
import type { OrderStreamRepository } from '../../orders/order-stream.repository';
import type { DispatchPlanner, PlanningRequest } from './dispatch-planner.service';
import { HeldProposals } from './held-proposals';
import type { PendingDecisionRepository, PendingOrder } from './pending-decision.repository';
import type { ReadyOrdersFeed } from './ready-orders.feed';
import type { ReplanService } from './replan.service';

/** Most decisions one lane makes per tick before it yields. */
const DECISIONS_PER_TICK = 200;
/**
 * Decisions made in parallel (each lane owns a share of the customers). A decision is mostly
 * database round trips (claim, read the group's streams, append to each), so lanes overlap them.
 */
const LANES = 4;
/**
 * Due orders one lane claims per transaction. Their decisions commit together: one claim, one
 * read of the customers' waiting orders and of the catalog, one append of the proposals, one
 * status update and one commit for the batch instead of for each order (an order cost about a
 * dozen round trips on its own), while the batch stays short enough that its locks are held
 * briefly. A failed decision rolls its whole batch back; the next tick decides it again.
 */
const CLAIM_BATCH = 10;
/** Events read from the log per feed transaction. */
const PAGE_SIZE = 500;

/**
 * The decision window's clock: every `DISPATCH_POLL_INTERVAL_MS` it feeds new ready orders from
 * the log, then decides every order whose window ran out — a lane's due orders in short
 * transactions of up to `CLAIM_BATCH` that lock the anchors and their customers' other waiting
 * orders, so each group is planned once. Driven by `dispatch_pending` rows, not timers: after a
 * restart the overdue ones are decided at the first tick.
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
    // One read finds the lanes with due orders: an idle tick opens no transaction per lane.
    const lanes = [...(await this.pending.dueLanes(this.pool, at, LANES))].map((lane) => this.decideLane(at, lane));
    const decided = (await Promise.all(lanes)).reduce((sum, count) => sum + count, 0);
    return decided + (await this.replanRequested());
  }

  /** Plans whose order's address changed after planning get a new version (one request at a time). */
  private async replanRequested(): Promise<number> {
    let replanned = 0;
    // Taking a request is one statement: it needs no transaction of its own.
    for (let request = await this.pending.takeReplanRequest(this.pool); request; request = await this.pending.takeReplanRequest(this.pool)) {
      const correlationId = randomUUID();
      const outcome = await this.replans
        .replanAs(request.dispatchPlanId, { correlationId, causationId: correlationId, actor: 'system:dispatch', reason: `address of ${request.orderId} changed` })
        .catch((error: unknown) => this.logger.warn({ ...request, error: String(error) }, 'address changed but the plan could not be re-planned'));
      if (outcome) replanned += 1;
    }
    return replanned;
  }

  private async decideLane(at: number, lane: number): Promise<number> {
    let decided = 0;
    while (decided < DECISIONS_PER_TICK) {
      const batch = await this.decideBatch(at, lane);
      decided += batch.decided;
      // A short batch took every due order, unless it left some for the next one (see decideBatch).
      if (batch.claimed < CLAIM_BATCH && batch.decided === batch.claimed) break;
    }
    return decided;
  }

  /**
   * Claims up to `CLAIM_BATCH` due orders of the lane and decides them in one transaction, each
   * with its customer's other waiting orders. A customer's group is decided once per batch: a
   * second due order of the customer that its group left waiting is decided by the next batch,
   * with what is still waiting then, as one transaction per order did.
   */
  private decideBatch(at: number, lane: number): Promise<{ claimed: number; decided: number }> {
    return withTransaction(this.pool, async (client) => {
      const anchors = await this.pending.claimDue(client, at, lane, LANES, CLAIM_BATCH);
      if (anchors.length === 0) return { claimed: 0, decided: 0 };
      const waiting = await this.pending.claimWaitingOf(client, [...new Set(anchors.map((anchor) => anchor.customerId))]);
      // Read after the claims: an order a catalog change put back in the queue is planned with that change.
      const catalog = await this.planner.catalogNow();
      const held = new HeldProposals();
      const decidedCustomers = new Set<string>();
      for (const anchor of anchors) {
        if (decidedCustomers.has(anchor.customerId)) continue;
        decidedCustomers.add(anchor.customerId);
        const others = waiting.filter((order) => order.customerId === anchor.customerId && order.orderId !== anchor.orderId);
        await this.decideGroup(client, anchor, others, { catalog, held });
      }
      // Groups are distinct customers' orders, so no group reads what another's proposal writes.
      await this.planner.writeHeld(client, held);
      return { claimed: anchors.length, decided: decidedCustomers.size };
    });
  }

  private async decideGroup(client: PoolClient, anchor: PendingOrder, others: readonly PendingOrder[], batch: Pick<PlanningRequest, 'catalog' | 'held'>): Promise<void> {
    const { ready, gone, loaded } = await this.stillReady(client, [anchor, ...others]);
    if (gone.length > 0) await this.pending.setStatus(client, gone, 'SKIPPED');
    if (!ready.some((order) => order.orderId === anchor.orderId)) {
      this.logger.info({ orderId: anchor.orderId }, 'order left ready_to_dispatch before its decision (cancelled or refunded): not planned');
      return;
    }
    const correlationId = randomUUID();
    const metadata = { correlationId, causationId: correlationId, actor: 'system:dispatch' };
    await this.planner.plan(client, { anchorOrderId: anchor.orderId, orders: ready.map((order) => order.facts), metadata, loaded, ...batch });
  }

  /** Splits orders into those still ready_to_dispatch and the ids of those that moved on; `loaded` keeps what was read. */
  private async stillReady(client: PoolClient, orders: PendingOrder[]): Promise<{ ready: PendingOrder[]; gone: string[]; loaded: Map<string, LoadedOrder> }> {
    const ready: PendingOrder[] = [];
    const gone: string[] = [];
    const loaded = new Map<string, LoadedOrder>();
    for (const order of orders) {
      const current = await this.streams.load(order.orderId, client);
      loaded.set(order.orderId, current);
      if (current.state.status === 'ready_to_dispatch') ready.push(order);
      else gone.push(order.orderId);
    }
    return { ready, gone, loaded };
  }
}
