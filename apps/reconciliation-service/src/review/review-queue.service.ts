import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import { withTransaction } from '@oms/postgres';
import { formatShanghaiIso } from '@oms/reconciliation-domain';
import type { Clock } from '../app/clock';
import { reviewActionsTotal } from '../inputs/input-metrics';
import type { AuditEntry, QueueFilter, QueueItem, ReviewQueueRepository } from './review-queue.repository';
import { refusalOf, type ReviewAction } from './review-state';

const VERB: Record<ReviewAction, string> = { CLAIMED: 'claim', RELEASED: 'release', RESOLVED: 'resolve' };

/** An item with its audit trail and, for reconciliation's items, both sides. */
export interface QueueItemDetail extends QueueItem {
  history: AuditEntry[];
  /** The review item as matching raised it: flows, bank lines, amount difference, time gap. */
  sides: unknown;
}

/**
 * The review queue's use cases. Every action is one row of the append-only `review_action`
 * table, written under a per-item lock after checking the transition, so two operators claiming
 * at once get one claim and one conflict.
 */
export class ReviewQueueService {
  constructor(
    private readonly pool: Pool,
    private readonly items: ReviewQueueRepository,
    private readonly clock: Clock,
  ) {}

  list(filter: QueueFilter): Promise<QueueItem[]> {
    return this.items.list(this.pool, filter);
  }

  async get(reviewItemId: string): Promise<QueueItemDetail> {
    const item = await this.items.find(this.pool, reviewItemId);
    if (!item) throw new NotFoundException(`no review item ${reviewItemId} in the queue`);
    return { ...item, history: await this.items.history(this.pool, reviewItemId), sides: await this.items.sides(this.pool, reviewItemId) };
  }

  claim(reviewItemId: string, actor: string): Promise<AuditEntry> {
    return this.act(reviewItemId, 'CLAIMED', actor, null);
  }

  release(reviewItemId: string, actor: string): Promise<AuditEntry> {
    return this.act(reviewItemId, 'RELEASED', actor, null);
  }

  resolve(reviewItemId: string, actor: string, reason: string): Promise<AuditEntry> {
    if (!reason.trim()) throw new BadRequestException('a resolution needs a reason');
    return this.act(reviewItemId, 'RESOLVED', actor, reason.trim());
  }

  private act(reviewItemId: string, action: ReviewAction, actor: string, reason: string | null): Promise<AuditEntry> {
    if (!actor.trim()) throw new BadRequestException('actor is required');
    return withTransaction(this.pool, async (tx) => {
      await this.items.lock(tx, reviewItemId);
      const item = await this.items.find(tx, reviewItemId);
      if (!item) throw new NotFoundException(`no review item ${reviewItemId} in the queue`);
      const refusal = refusalOf({ status: item.status, actor: item.actor }, action, actor);
      if (refusal) throw new ConflictException(`cannot ${VERB[action]} ${reviewItemId}: ${refusal}`);
      const now = this.clock.now();
      const entry = await this.items.appendAction(tx, { reviewItemId, action, actor, reason, atMs: now, atText: formatShanghaiIso(now) });
      reviewActionsTotal.inc({ action });
      return entry;
    });
  }
}
