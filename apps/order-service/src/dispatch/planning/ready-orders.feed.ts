import type { Pool, PoolClient } from 'pg';
import { decode } from '@oms/contracts';
import { START_OF_LOG, type EventStore, type LogCheckpoint } from '@oms/event-store';
import { withTransaction } from '@oms/postgres';
import type { PendingDecisionRepository } from './pending-decision.repository';
import { readyOrderFacts } from './ready-order.facts';

const CHECKPOINT = 'ready-orders';

/**
 * Feeds the decision window from the order log: tails the event store (the outbox's safe tail,
 * which skips nothing that commits late) and turns every `OrderReadyToDispatch` into a WAITING
 * `dispatch_pending` row due at min(ready + `DISPATCH_DECISION_WINDOW`, the event's deadline).
 * The rows and the checkpoint commit together, so a crash re-reads the page and a re-read adds
 * nothing; the checkpoint row's lock keeps a second instance from reading the same page. An
 * `OrderAddressChanged` of a planned order asks for a new plan version.
 */
export class ReadyOrdersFeed {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly pending: PendingDecisionRepository,
    private readonly windowMs: number,
  ) {}

  /** Reads one page of the log; returns how many events it read and how many ready orders it recorded. */
  pollOnce(pageSize = 500): Promise<{ read: number; ready: number }> {
    return withTransaction(this.pool, async (client) => {
      const checkpoint = await this.lockCheckpoint(client);
      if (!checkpoint) return { read: 0, ready: 0 }; // another instance is reading this page
      const page = await this.store.readAll(checkpoint, pageSize, client);
      const ready = page.events.filter((event) => event.type === 'OrderReadyToDispatch');
      for (const event of ready) await this.record(client, event.streamId, event.streamVersion);
      // An address changed after planning: the plan's parcels would go to the old one.
      for (const event of page.events.filter((candidate) => candidate.type === 'OrderAddressChanged')) await this.pending.requestReplan(client, event.streamId);
      if (page.events.length > 0) await this.saveCheckpoint(client, page.checkpoint);
      return { read: page.events.length, ready: ready.length };
    });
  }

  private async record(client: PoolClient, orderId: string, readyVersion: number): Promise<void> {
    const stream = await this.store.readStream(orderId, undefined, client);
    // The order as it was when it became ready (later events are the flow's own, or a re-plan's business).
    const facts = readyOrderFacts(stream.filter((event) => event.streamVersion <= readyVersion).map((event) => decode(event.payload)));
    if (!facts) throw new Error(`order ${orderId} has OrderReadyToDispatch at v${readyVersion} but its stream lacks placement or payment facts`);
    await this.pending.add(client, facts, Math.min(facts.readyAt + this.windowMs, facts.decisionDeadline));
  }

  /** The checkpoint, locked for this transaction; `undefined` while another instance holds it. */
  private async lockCheckpoint(client: PoolClient): Promise<LogCheckpoint | undefined> {
    await client.query(
      'INSERT INTO dispatch_log_checkpoint (name, transaction_id, position) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
      [CHECKPOINT, START_OF_LOG.transactionId, START_OF_LOG.position],
    );
    const { rows } = await client.query<{ transaction_id: string; position: string }>('SELECT transaction_id, position FROM dispatch_log_checkpoint WHERE name = $1 FOR UPDATE SKIP LOCKED', [CHECKPOINT]);
    const row = rows[0];
    return row && { transactionId: row.transaction_id, position: Number(row.position) };
  }

  private async saveCheckpoint(client: PoolClient, checkpoint: LogCheckpoint): Promise<void> {
    await client.query('UPDATE dispatch_log_checkpoint SET transaction_id = $2, position = $3 WHERE name = $1', [CHECKPOINT, checkpoint.transactionId, checkpoint.position]);
  }
}
