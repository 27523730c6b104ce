import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { planDispatch, type DispatchDecision, type DispatchInput, type DispatchPlan, type MissingVectorReviewItem, type PlanVersionRef, type SkuCatalog } from '@oms/dispatch-domain';
import type { EventMetadata } from '@oms/event-store';
import { onCommit } from '@oms/postgres';
import { now } from '../../ingress/command-context';
import type { LoadedOrder } from '../../orders/loaded-order';
import type { SkuCatalogStore } from '../catalog/sku-catalog.store';
import { dispatchDecisionsTotal } from '../dispatch-metrics';
import type { DispatchTrailWriter } from '../trail/dispatch-trail.writer';
import { proposedRecord, reviewRecord, type At } from '../trail/trail-records';
import type { HeldProposals } from './held-proposals';
import type { PendingDecisionRepository, PendingStatus } from './pending-decision.repository';
import type { PlanVersionRepository } from './plan-version.repository';
import type { ReadyOrderFacts } from './ready-order.facts';

type ProposedDecision = Extract<DispatchDecision, { outcome: 'PROPOSED' }>;

/** How long a group whose plan awaits a sandbox answer waits before it is looked at again. */
const DEFER_MS = 1_000;

/** What planning one group of ready orders needs. */
export interface PlanningRequest {
  /** The order whose window ran out (or whose plan is re-planned). */
  anchorOrderId: string;
  /** The anchor and the customer's other ready orders (candidates for grouping). */
  orders: readonly ReadyOrderFacts[];
  /** Earlier versions when re-planning. */
  history?: readonly PlanVersionRef[];
  metadata: EventMetadata;
  /** The orders as this transaction just read them from their streams (their trail appends need not read them again). */
  loaded?: ReadonlyMap<string, LoadedOrder>;
  /** The newest catalog, when the caller read it for several decisions at once (default: read it now). */
  catalog?: SkuCatalog;
  /**
   * Where a proposal's appends and status go when the caller writes those of several groups
   * together ({@link DispatchPlanner.writeHeld}); only with `loaded` holding every order of the group.
   */
  held?: HeldProposals;
}

/**
 * Runs the split decision (`planDispatch`, pure) over the newest SKU catalog and records its
 * outcome in the caller's transaction: a proposal → `DispatchProposed` on every order of the plan
 * (the fulfilment side dry-runs it); a SKU without a complete vector → a review item naming it on
 * every order of the group, which waits BLOCKED until a catalog change; malformed input (a bug
 * upstream) → a review item on the anchor. Returns the decision, or `null` when the group's plan
 * still awaits a sandbox answer (the group is looked at again shortly).
 */
export class DispatchPlanner {
  constructor(
    private readonly catalog: SkuCatalogStore,
    private readonly versions: PlanVersionRepository,
    private readonly pending: PendingDecisionRepository,
    private readonly trail: DispatchTrailWriter,
    private readonly planIdSeed: string,
    private readonly logger: Logger,
  ) {}

  /** The newest SKU catalog (for a caller deciding several groups with one read). */
  catalogNow(): Promise<SkuCatalog> {
    return this.catalog.current();
  }

  async plan(client: PoolClient, request: PlanningRequest): Promise<DispatchDecision | null> {
    const at = now();
    const input = {
      orderId: request.anchorOrderId, orders: request.orders.map((facts) => facts.planning), catalog: request.catalog ?? (await this.catalog.current()),
      planIdSeed: this.planIdSeed, decidedAt: at.occurredAt, history: request.history,
    };
    const first = planDispatch(input);
    const continued = first.outcome === 'PROPOSED' && !request.history ? await this.continueNumbering(client, first, input) : { decision: first, recorded: false };
    if (!continued) return this.defer(client, request);
    const { decision, recorded } = continued;
    onCommit(client, () => dispatchDecisionsTotal.inc({ outcome: decision.outcome }));
    if (decision.outcome === 'PROPOSED') await this.propose(client, decision.plan, request, at, recorded);
    else if (decision.outcome === 'REVIEW') await this.block(client, decision.reviewItem, request, at);
    else await this.reject(client, request, decision.problems, at);
    return decision;
  }

  /**
   * A first proposal for a group. Most plan ids are new: v1 is then recorded at once (`recorded`),
   * one round trip instead of a read and a write. A plan id that already has versions (its orders
   * were planned before and one was withdrawn) continues that plan's numbering rather than reuse a
   * version; `null` while one of its versions still awaits a sandbox answer.
   */
  private async continueNumbering(client: PoolClient, first: ProposedDecision, input: DispatchInput): Promise<{ decision: DispatchDecision; recorded: boolean } | null> {
    if (await this.versions.propose(client, first.plan, { onlyIfNew: true })) return { decision: first, recorded: true };
    const earlier = await this.versions.versionsOf(client, first.plan.dispatchPlanId, true);
    if (earlier.some((version) => version.status === 'PROPOSED')) return null;
    if (earlier.length === 0) return { decision: first, recorded: false };
    const history = earlier.map(({ dispatchPlanId, version, status }): PlanVersionRef => ({ dispatchPlanId, version, status: status === 'ISSUED' ? 'ISSUED' : 'REJECTED' }));
    return { decision: planDispatch({ ...input, history }), recorded: false };
  }

  private async defer(client: PoolClient, request: PlanningRequest): Promise<null> {
    onCommit(client, () => dispatchDecisionsTotal.inc({ outcome: 'DEFERRED' }));
    await this.pending.postpone(client, request.orders.map((facts) => facts.planning.orderId), DEFER_MS);
    return null;
  }

  /** Writes the proposals held for several groups: the appends in one statement, the statuses in another. */
  async writeHeld(client: PoolClient, held: HeldProposals): Promise<void> {
    await this.trail.appendAll(client, held.appends);
    await this.pending.markProposed(client, held.proposed);
  }

  private async propose(client: PoolClient, plan: DispatchPlan, request: PlanningRequest, at: At, recorded: boolean): Promise<void> {
    if (!recorded) await this.versions.propose(client, plan);
    const factsOf = new Map(request.orders.map((facts) => [facts.planning.orderId, facts]));
    const { held, loaded, metadata } = request;
    for (const orderId of plan.orderIds) {
      const address = factsOf.get(orderId)?.shippingAddress;
      if (!address) continue;
      const records = [{ recordName: 'DispatchProposed' as const, value: proposedRecord(plan, orderId, address, at) }];
      const known = loaded?.get(orderId);
      if (held && known) held.appends.push({ orderId, records, metadata, known });
      else await this.trail.append(client, orderId, records, metadata, known);
    }
    if (held) held.proposed.push({ dispatchPlanId: plan.dispatchPlanId, orderIds: plan.orderIds });
    else await this.pending.setStatus(client, plan.orderIds, 'PROPOSED', plan.dispatchPlanId);
    this.logger.info({ dispatchPlanId: plan.dispatchPlanId, version: plan.version, orderIds: plan.orderIds, subOrders: plan.subOrders.length }, 'dispatch plan proposed for sandbox validation');
  }

  private async block(client: PoolClient, item: MissingVectorReviewItem, { metadata, loaded }: PlanningRequest, at: At): Promise<void> {
    const skus = item.missing.map((missing) => missing.sku).join(',');
    const review = { cause: 'SANDBOX_VALIDATION_FAILED' as const, detailedCause: item.kind, subject: `catalog-v${item.catalogVersion}:${skus}`, detail: item.detail };
    for (const orderId of item.orderIds) await this.trail.append(client, orderId, [{ recordName: 'ReviewItemRaised', value: reviewRecord(orderId, review, at) }], metadata, loaded?.get(orderId));
    await this.setStatus(client, item.orderIds, 'BLOCKED');
    this.logger.warn({ orderIds: item.orderIds, catalogVersion: item.catalogVersion, skus }, item.detail);
  }

  private async reject(client: PoolClient, request: PlanningRequest, problems: readonly string[], at: At): Promise<void> {
    const detail = `the split decision refused its input: ${problems.join('; ')}`;
    const review = { cause: 'SANDBOX_VALIDATION_FAILED' as const, detailedCause: 'DISPATCH_INPUT_REJECTED', subject: request.anchorOrderId, detail };
    await this.trail.append(client, request.anchorOrderId, [{ recordName: 'ReviewItemRaised', value: reviewRecord(request.anchorOrderId, review, at) }], request.metadata, request.loaded?.get(request.anchorOrderId));
    await this.setStatus(client, [request.anchorOrderId], 'REVIEW');
    this.logger.error({ orderId: request.anchorOrderId, problems }, 'dispatch input rejected');
  }

  private setStatus(client: PoolClient, orderIds: readonly string[], status: PendingStatus): Promise<void> {
    return this.pending.setStatus(client, orderIds, status);
  }
}
