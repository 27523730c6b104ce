import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { encode, type SandboxValidationResult } from '@oms/contracts';
import { decidePlanIssue, type DispatchPlan, type PlanIssueDecision } from '@oms/dispatch-domain';
import type { EventMetadata, EventStore } from '@oms/event-store';
import { PoisonMessageError } from '@oms/messaging';
import { onCommit } from '@oms/postgres';
import type { RecordDispatchPlan } from '@oms/order-domain';
import { now, type CommandContext } from '../../ingress/command-context';
import type { OrderCommandService } from '../../orders/order-command.service';
import type { OrderStreamRepository } from '../../orders/order-stream.repository';
import { sandboxAnswersTotal } from '../dispatch-metrics';
import type { PendingDecisionRepository } from '../planning/pending-decision.repository';
import { currentIssued, decidedHistory, type PlanVersionRepository, type StoredPlanVersion } from '../planning/plan-version.repository';
import { DISPATCH_INSTRUCTION, dispatchInstructions } from '../publication/dispatch-instructions';
import type { DispatchTrailWriter } from '../trail/dispatch-trail.writer';
import { toSandboxVerdict } from '../trail/sandbox-api';
import { plannedRecord, proposalRejectedRecord, reviewRecord, type At, type TrailRecord } from '../trail/trail-records';

/** States in which an order's goods have not moved and it still wants them: a plan may route it. */
const PLANNABLE = ['ready_to_dispatch', 'dispatch_planned'];

/**
 * The fulfilment side's `SandboxValidationResult` for a proposal, decided by `decidePlanIssue`:
 * ISSUE → `RecordDispatchPlan` on every order of the plan (the domain moves it to
 * dispatch_planned; the event carries the plan and the sandbox answer) and one
 * `DispatchInstruction` per sub-order on the plan's own stream, which the outbox publishes to
 * `oms.dispatch.v1` keyed by plan id; FALL_BACK → `DispatchProposalRejected` with the reasons, the
 * issued version stays in force; REVIEW → the same plus a `SANDBOX_VALIDATION_FAILED` review item.
 * A repeated answer changes nothing; an answer for a proposal never made is dead-lettered.
 */
export class SandboxAnswerService {
  constructor(
    private readonly versions: PlanVersionRepository,
    private readonly pending: PendingDecisionRepository,
    private readonly trail: DispatchTrailWriter,
    private readonly orders: OrderCommandService,
    private readonly streams: OrderStreamRepository,
    private readonly store: EventStore,
    private readonly logger: Logger,
  ) {}

  async record(answer: SandboxValidationResult, context: CommandContext, source: string, client: PoolClient): Promise<void> {
    const versions = await this.versions.versionsOf(client, answer.dispatchPlanId, true);
    const proposal = versions.find((version) => version.version === answer.planVersion);
    if (!proposal) throw new PoisonMessageError(`no dispatch proposal ${answer.dispatchPlanId} v${answer.planVersion} to validate`);
    if (proposal.status !== 'PROPOSED') return; // the answer was already decided (a redelivery or a re-send)
    const gone = await this.ordersGone(client, proposal.plan);
    if (gone.length > 0) return this.withdraw(client, proposal, versions, gone, answer, context.metadata, now(context.occurredAt));
    const decision = decidePlanIssue({ proposal: proposal.plan, verdict: toSandboxVerdict(answer), history: decidedHistory(versions) });
    const at = now(context.occurredAt);
    if (decision.outcome === 'ISSUE') await this.issue(client, proposal.plan, answer, context, source, at);
    else await this.refuse(client, proposal.plan, decision, answer, context.metadata, at);
    await this.versions.decide(client, decision.outcome === 'ISSUE' ? decision.issued : decision.rejected);
    onCommit(client, () => sandboxAnswersTotal.inc({ outcome: decision.outcome }));
    this.logger.info({ dispatchPlanId: answer.dispatchPlanId, version: answer.planVersion, outcome: decision.outcome }, 'sandbox answer decided');
  }

  private async issue(client: PoolClient, plan: DispatchPlan, answer: SandboxValidationResult, context: CommandContext, source: string, at: At): Promise<void> {
    for (const orderId of plan.orderIds) {
      const command: RecordDispatchPlan = {
        type: 'RecordDispatchPlan',
        data: { orderId, commandId: `${context.commandId}:${orderId}`, ...at, dispatchPlanId: plan.dispatchPlanId, version: plan.version },
      };
      const outcome = await this.orders.execute({ command, enrichment: { dispatchPlanned: plannedRecord(plan, orderId, answer, at) }, metadata: context.metadata, source }, client);
      if (outcome.kind !== 'accepted') this.logger.warn({ orderId, dispatchPlanId: plan.dispatchPlanId, outcome: outcome.kind }, 'an order of the plan did not take it');
    }
    const anchor = (await this.pending.factsOf(client, [plan.orderId])).get(plan.orderId);
    if (!anchor) throw new Error(`no ready-order facts for ${plan.orderId}, anchor of ${plan.dispatchPlanId}`);
    await this.store.append(plan.dispatchPlanId, 'any', dispatchInstructions(plan, anchor, at).map((instruction) => ({
      eventId: randomUUID(), type: DISPATCH_INSTRUCTION, payload: encode('DispatchInstruction', instruction), occurredAt: at.occurredAt, metadata: context.metadata,
    })), client);
    await this.pending.setStatus(client, plan.orderIds, 'PLANNED');
  }

  /** Orders of the plan that left ready_to_dispatch / dispatch_planned (cancelled into a refund) since it was proposed. */
  private async ordersGone(client: PoolClient, plan: DispatchPlan): Promise<Array<{ orderId: string; status: string }>> {
    const gone: Array<{ orderId: string; status: string }> = [];
    for (const orderId of plan.orderIds) {
      const { state } = await this.streams.load(orderId, client);
      if (!PLANNABLE.includes(state.status)) gone.push({ orderId, status: state.status });
    }
    return gone;
  }

  /**
   * A plan whose orders changed under it is not issued, whatever the sandbox said: an order that
   * went to a refund must not be shipped. The proposal is rejected on the orders still plannable
   * (the version in force stays), and those still ready are planned again, without the others.
   */
  private async withdraw(
    client: PoolClient, proposal: StoredPlanVersion, versions: readonly StoredPlanVersion[], gone: ReadonlyArray<{ orderId: string; status: string }>,
    answer: SandboxValidationResult, metadata: EventMetadata, at: At,
  ): Promise<void> {
    const { plan } = proposal;
    const failures = gone.map(({ orderId, status }) => ({ api: null, subOrderId: null, reason: `order ${orderId} is ${status} since the proposal: the plan no longer matches its orders` }));
    const remaining = plan.orderIds.filter((orderId) => !gone.some((order) => order.orderId === orderId));
    for (const orderId of remaining) {
      await this.trail.append(client, orderId, [{ recordName: 'DispatchProposalRejected', value: proposalRejectedRecord(orderId, plan, failures, currentIssued(versions)?.version ?? null, answer, at) }], metadata);
    }
    await this.versions.decide(client, { dispatchPlanId: plan.dispatchPlanId, version: plan.version, status: 'REJECTED', plan, sandbox: toSandboxVerdict(answer), failures });
    await this.pending.setStatus(client, gone.map((order) => order.orderId), 'SKIPPED');
    await this.pending.postpone(client, remaining, 0);
    onCommit(client, () => sandboxAnswersTotal.inc({ outcome: 'WITHDRAWN' }));
    this.logger.warn({ dispatchPlanId: plan.dispatchPlanId, version: plan.version, gone }, 'proposal withdrawn: orders of the plan left ready_to_dispatch; the others are planned again');
  }

  private async refuse(client: PoolClient, plan: DispatchPlan, decision: Exclude<PlanIssueDecision, { outcome: 'ISSUE' }>, answer: SandboxValidationResult, metadata: EventMetadata, at: At): Promise<void> {
    const fallback = decision.outcome === 'FALL_BACK' ? decision.current.version : null;
    for (const orderId of plan.orderIds) {
      const records: TrailRecord[] = [{ recordName: 'DispatchProposalRejected', value: proposalRejectedRecord(orderId, plan, decision.failures, fallback, answer, at) }];
      if (decision.outcome === 'REVIEW') {
        const review = { cause: 'SANDBOX_VALIDATION_FAILED' as const, detailedCause: 'SANDBOX_VALIDATION_FAILED', subject: `${plan.dispatchPlanId}:v${plan.version}`, detail: decision.reviewItem.detail };
        records.push({ recordName: 'ReviewItemRaised', value: reviewRecord(orderId, review, at) });
      }
      await this.trail.append(client, orderId, records, metadata);
    }
    await this.pending.setStatus(client, plan.orderIds, decision.outcome === 'FALL_BACK' ? 'PLANNED' : 'REVIEW');
  }
}
