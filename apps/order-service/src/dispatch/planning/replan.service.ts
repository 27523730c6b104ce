import { randomUUID } from 'node:crypto';
import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { decode } from '@oms/contracts';
import type { EventMetadata, EventStore } from '@oms/event-store';
import type { Actor } from '@oms/order-domain';
import { withTransaction } from '@oms/postgres';
import type { OrderStreamRepository } from '../../orders/order-stream.repository';
import type { DispatchPlanner } from './dispatch-planner.service';
import type { PendingDecisionRepository } from './pending-decision.repository';
import { currentIssued, type PlanVersionRepository, type StoredPlanVersion } from './plan-version.repository';
import { readyOrderFacts, type ReadyOrderFacts } from './ready-order.facts';

/** Who may ask for a new plan version (the roles that own routing and customer promises). */
const REPLANNERS = ['warehouse_manager', 'customer_service_supervisor'];
/** Order states in which the goods have not moved, so a new version can still route them. */
const REPLANNABLE = ['ready_to_dispatch', 'dispatch_planned'];

/** What a re-plan request answers. */
export interface ReplanOutcome {
  dispatchPlanId: string;
  outcome: 'PROPOSED' | 'REVIEW' | 'REJECTED';
  version: number | null;
}

/**
 * A new version of an existing plan (after a catalog change, an address change, or a plan that
 * went to review): its orders as their streams say now, the plan's history (so the id is kept and
 * the version number is the next one), then the normal path — proposal, sandbox, issue or fall back.
 */
export class ReplanService {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly streams: OrderStreamRepository,
    private readonly versions: PlanVersionRepository,
    private readonly pending: PendingDecisionRepository,
    private readonly planner: DispatchPlanner,
  ) {}

  /** A re-plan an operator asked for over HTTP. */
  replan(dispatchPlanId: string, actor: Actor, reason: string | undefined): Promise<ReplanOutcome> {
    if (!REPLANNERS.includes(actor.role)) throw new ForbiddenException(`role ${actor.role} may not re-plan; allowed: ${REPLANNERS.join(', ')}`);
    const correlationId = randomUUID();
    return this.replanAs(dispatchPlanId, { correlationId, causationId: correlationId, actor: `user:${actor.actorId}`, reason: reason ?? 're-plan' });
  }

  /** A re-plan in its own transaction, with the events' metadata (who or what asked for it). */
  replanAs(dispatchPlanId: string, metadata: EventMetadata): Promise<ReplanOutcome> {
    return withTransaction(this.pool, async (client) => {
      const versions = await this.versions.versionsOf(client, dispatchPlanId, true);
      const base = currentIssued(versions) ?? versions.at(-1);
      if (!base) throw new NotFoundException(`dispatch plan ${dispatchPlanId} not found`);
      const waiting = versions.find((version) => version.status === 'PROPOSED');
      if (waiting) throw new ConflictException(`${dispatchPlanId} v${waiting.version} is still awaiting its sandbox answer`);
      const orders = await this.ordersNow(client, base);
      const history = versions.map(({ dispatchPlanId: id, version, status }) => ({ dispatchPlanId: id, version, status: status as 'ISSUED' | 'REJECTED' }));
      const decision = await this.planner.plan(client, { anchorOrderId: base.plan.orderId, orders, history, metadata });
      if (!decision) throw new ConflictException(`${dispatchPlanId} is still awaiting a sandbox answer`);
      return { dispatchPlanId, outcome: decision.outcome, version: decision.outcome === 'PROPOSED' ? decision.plan.version : null };
    });
  }

  private async ordersNow(client: PoolClient, base: StoredPlanVersion): Promise<ReadyOrderFacts[]> {
    const orders: ReadyOrderFacts[] = [];
    for (const orderId of base.plan.orderIds) {
      const { state } = await this.streams.load(orderId, client);
      if (!REPLANNABLE.includes(state.status)) throw new ConflictException(`order ${orderId} is ${state.status}: its goods can no longer be re-planned`);
      const facts = readyOrderFacts((await this.store.readStream(orderId, undefined, client)).map((event) => decode(event.payload)));
      if (!facts) throw new ConflictException(`order ${orderId} has no ready-to-dispatch facts`);
      await this.pending.refresh(client, facts);
      orders.push(facts);
    }
    return orders;
  }
}
