import type { Pool, PoolClient } from 'pg';
import { decode } from '@oms/contracts';
import { START_OF_LOG, type EventStore, type LogCheckpoint } from '@oms/event-store';
import { withTransaction } from '@oms/postgres';
import type { PendingDecisionRepository } from './pending-decision.repository';
import { ReadyFactsTail } from './ready-facts.tail';
import { readyOrderFacts, type ReadyOrderFacts } from './ready-order.facts';

const CHECKPOINT = 'ready-orders';

/**
 * Feeds the decision window from the order log: tails the event store (the outbox's safe tail,
 * which skips nothing that commits late) and turns every `OrderReadyToDispatch` into a WAITING
 * `dispatch_pending` row due at min(ready + `DISPATCH_DECISION_WINDOW`, the event's deadline).
 * The rows and the checkpoint commit together, so a crash re-reads the page and a re-read adds
 * nothing; the checkpoint row's lock keeps a second instance from reading the same page. An
 * `OrderAddressChanged` of a planned order asks for a new plan version. The facts come from the
 * log itself when the feed saw the order's stream whole ({@link ReadyFactsTail}), else from the
 * stream; a page's ready orders are recorded in one statement.
 */
export class ReadyOrdersFeed {
  /** The checkpoint row is committed (rows are never deleted): a poll need not insert it again. */
  private checkpointKnown = false;
  /** The facts of the streams this feed saw whole in the log (saves reading them again). */
  private readonly tail = new ReadyFactsTail();

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly pending: PendingDecisionRepository,
    private readonly windowMs: number,
  ) {}

  /** Reads one page of the log; returns how many events it read and how many ready orders it recorded. */
  async pollOnce(pageSize = 500): Promise<{ read: number; ready: number }> {
    let sawCheckpoint = false;
    const result = await withTransaction(this.pool, async (client) => {
      const checkpoint = await this.lockCheckpoint(client);
      if (!checkpoint) return { read: 0, ready: 0 }; // another instance is reading this page
      sawCheckpoint = true;
      const page = await this.store.readAll(checkpoint, pageSize, client);
      for (const event of page.events) this.tail.see(event);
      const ready = page.events.filter((event) => event.type === 'OrderReadyToDispatch');
      const facts: Array<{ facts: ReadyOrderFacts; decideAfter: number }> = [];
      for (const event of ready) facts.push(await this.factsOf(client, event.streamId, event.streamVersion));
      await this.pending.add(client, facts); // one statement for the page
      // An address changed after planning: the plan's parcels would go to the old one.
      for (const event of page.events.filter((candidate) => candidate.type === 'OrderAddressChanged')) await this.pending.requestReplan(client, event.streamId);
      if (page.events.length > 0) await this.saveCheckpoint(client, page.checkpoint);
      return { read: page.events.length, ready: ready.length };
    });
    // Committed now (an insert of ours rolled back would not be): the row exists for good.
    if (sawCheckpoint) this.checkpointKnown = true;
    return result;
  }

  private async factsOf(client: PoolClient, orderId: string, readyVersion: number): Promise<{ facts: ReadyOrderFacts; decideAfter: number }> {
    const facts = this.tail.factsAt(orderId, readyVersion) ?? (await this.readFacts(client, orderId, readyVersion));
    if (!facts) throw new Error(`order ${orderId} has OrderReadyToDispatch at v${readyVersion} but its stream lacks placement or payment facts`);
    return { facts, decideAfter: Math.min(facts.readyAt + this.windowMs, facts.decisionDeadline) };
  }

  /** The order as it was when it became ready (later events are the flow's own, or a re-plan's business). */
  private async readFacts(client: PoolClient, orderId: string, readyVersion: number): Promise<ReadyOrderFacts | null> {
    const stream = await this.store.readStream(orderId, { toVersion: readyVersion }, client);
    return readyOrderFacts(stream.map((event) => decode(event.payload)));
  }

  /** The checkpoint, locked for this transaction; `undefined` while another instance holds it. */
  private async lockCheckpoint(client: PoolClient): Promise<LogCheckpoint | undefined> {
    // The row is never deleted: once this process has seen it, every later poll can skip the insert.
    if (!this.checkpointKnown) {
      await client.query(
        'INSERT INTO dispatch_log_checkpoint (name, transaction_id, position) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
        [CHECKPOINT, START_OF_LOG.transactionId, START_OF_LOG.position],
      );
    }
    const { rows } = await client.query<{ transaction_id: string; position: string }>('SELECT transaction_id, position FROM dispatch_log_checkpoint WHERE name = $1 FOR UPDATE SKIP LOCKED', [CHECKPOINT]);
    const row = rows[0];
    return row && { transactionId: row.transaction_id, position: Number(row.position) };
  }

  private async saveCheckpoint(client: PoolClient, checkpoint: LogCheckpoint): Promise<void> {
    await client.query('UPDATE dispatch_log_checkpoint SET transaction_id = $2, position = $3 WHERE name = $1', [CHECKPOINT, checkpoint.transactionId, checkpoint.position]);
  }
}
