import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { encode } from '@oms/contracts';
import { ConcurrencyError, type EventStore, type NewEvent } from '@oms/event-store';
import { onCommit, onSettled } from '@oms/postgres';
import { decide, initialState, isRejection, toCommandRejected, type OrderEvent, type OrderRejection } from '@oms/order-domain';
import type { AvroEnrichment } from '../mapping/mapping-context';
import { toAvroRecord } from '../mapping/order-event.mapper';
import type { AppendedEvent, CommandOutcome, OrderCommandRequest } from './command-request';
import type { CommittedOrderCache } from './committed-order.cache';
import { resolveAppendConflict } from './concurrency-retry';
import type { LoadedOrder } from './loaded-order';
import { OrderClaims } from './order-claims';
import { commandsTotal, eventsAppendedTotal } from './order-metrics';
import { foldEvent, type OrderStreamRepository } from './order-stream.repository';
import type { RejectedCommandRepository } from './rejected-command.repository';
import type { TransactionOrderCache } from './transaction-order.cache';

/** The decision needs the stream as stored, not a cached or assumed state. */
const RELOAD = Symbol('reload');

/** An order to decide on, and whether it is known to match the stream. */
interface Loaded {
  order: LoadedOrder;
  /** Read from the stream in this transaction, or written by it. */
  verified: boolean;
  /** Assumed empty (a new order) without reading. */
  speculative: boolean;
}

/**
 * The command path: load the order (this transaction's copy, the last committed state, or the
 * stream), `decide`, map the events to Avro, append them at the version decided on — all in the
 * caller's transaction, so the inbox row, the events and the offset commit move together. A refusal is
 * appended as `CommandRejected` (or, for an order with no stream, kept in `rejected_commands`).
 * No business rule lives here: every rule is in `@oms/order-domain`.
 */
export class OrderCommandService {
  constructor(
    private readonly store: EventStore,
    private readonly streams: OrderStreamRepository,
    private readonly cache: TransactionOrderCache,
    private readonly committed: CommittedOrderCache,
    private readonly rejected: RejectedCommandRepository,
    private readonly logger: Logger,
    private readonly claims = new OrderClaims(),
  ) {}

  /** Decides and records one command inside `client`'s open transaction. */
  async execute(request: OrderCommandRequest, client: PoolClient): Promise<CommandOutcome> {
    const { orderId } = request.command.data;
    this.promoteOnCommit(client);
    // Having waited for another transaction of this process to finish with the order, read it from
    // its stream: its committed state was promoted before the wait ended, but a rollback leaves
    // nothing to promote, and the stream is right either way.
    let fresh = await this.claims.claim(client, orderId);
    for (let attempt = 1; ; attempt++) {
      try {
        const loaded = await this.load(orderId, request, client, fresh);
        const outcome = await this.decideAndRecord(loaded, request, client);
        if (outcome !== RELOAD) return outcome;
        fresh = true;
      } catch (error) {
        // The message's savepoint undoes its writes: never keep a state they produced.
        this.cache.forget(client, orderId);
        this.committed.forget(orderId);
        this.distrustConflicted(error, client);
        // The chunk's held-back appends failed to write (an earlier message decided on a stale
        // state): only running the chunk again can help, at once and not after a backoff.
        if (this.store.heldAppendsFailed(client)) throw error;
        await resolveAppendConflict(error, attempt, client); // rethrows unless re-deciding here is right
        fresh = true;
      }
    }
  }

  /**
   * The streams a version conflict names may be other orders': earlier messages' held-back
   * appends, written when this one read. What this process believed about those orders proved
   * wrong; unless they are forgotten too, every retry decides them on the same stale states.
   */
  private distrustConflicted(error: unknown, client: PoolClient): void {
    if (!(error instanceof ConcurrencyError)) return;
    for (const streamId of error.conflicting) {
      this.cache.forget(client, streamId);
      this.committed.markStale(streamId);
    }
  }

  /**
   * The order to decide on: this transaction's copy, else the last committed state this process
   * knows (unverified until an append at its version succeeds), else the stream. A new order's
   * stream is almost always empty, so PlaceOrder first assumes it is and lets the append check.
   */
  private async load(orderId: string, request: OrderCommandRequest, client: PoolClient, fresh: boolean): Promise<Loaded> {
    const inTransaction = this.cache.get(client, orderId);
    if (inTransaction) return { order: inTransaction, verified: true, speculative: false };
    const committed = fresh ? undefined : this.committed.get(orderId);
    if (committed) return { order: committed, verified: false, speculative: false };
    if (!fresh && request.command.type === 'PlaceOrder' && !this.committed.isStale(orderId)) return { order: { orderId, state: initialState }, verified: false, speculative: true };
    const order = await this.streams.load(orderId, client);
    // An empty stream is not kept: the order may be committed by another transaction any moment
    // (a parked payment looks again), and a re-read of nothing is cheap.
    if (order.state.version > 0) this.cache.set(client, order);
    return { order, verified: true, speculative: false };
  }

  private async decideAndRecord({ order, verified, speculative }: Loaded, request: OrderCommandRequest, client: PoolClient): Promise<CommandOutcome | typeof RELOAD> {
    const { command } = request;
    const decision = decide(command, order.state);
    // Only an append checks a version: a decision appending nothing must rest on the stream itself.
    if (!verified && (isRejection(decision) ? speculative : decision.events.length === 0)) return RELOAD;
    if (!isRejection(decision)) {
      const { next, appended } = await this.append(order, decision.events, request, client);
      const outcome = decision.events.length === 0 ? 'duplicate' : 'accepted';
      onCommit(client, () => commandsTotal.inc({ command: command.type, outcome }));
      return { kind: 'accepted', order: next, appended };
    }
    if (order.state.status === 'not_placed') return this.rejectUnknownOrder(order, decision, request, client);
    const { next, appended } = await this.append(order, [toCommandRejected(command, decision)], request, client);
    // Logged once committed: a refusal decided on a stale state is decided again, often accepted.
    onCommit(client, () => {
      this.logRejection(order.orderId, decision);
      commandsTotal.inc({ command: command.type, outcome: 'rejected' });
    });
    return { kind: 'rejected', order: next, rejection: decision, appended };
  }

  /**
   * Once the transaction on `client` commits, the orders it leaves become the committed states
   * the next messages start from; one that rolls back promotes nothing. Registered once per
   * transaction, on settling, so a message's savepoint rollback does not drop it (that message's
   * states are undone in the transaction's cache by then). A connection no transaction owner
   * tracks promotes nothing.
   */
  private promoteOnCommit(client: PoolClient): void {
    const orders = this.cache.of(client);
    if (!orders.promotes) orders.promotes = onSettled(client, (committed) => committed && this.committed.promote(orders));
  }

  private async rejectUnknownOrder(order: LoadedOrder, rejection: OrderRejection, request: OrderCommandRequest, client: PoolClient): Promise<CommandOutcome> {
    onCommit(client, () => commandsTotal.inc({ command: request.command.type, outcome: 'unknown-order' }));
    if (request.unknownOrder === 'report') return { kind: 'unknown-order', order, rejection };
    onCommit(client, () => this.logRejection(order.orderId, rejection));
    const { recordName, value } = toAvroRecord(toCommandRejected(request.command, rejection), { stateBefore: order.state, enrichment: {} });
    await this.rejected.record(client, { orderId: order.orderId, rejection, source: request.source, payload: encode(recordName, value) });
    return { kind: 'rejected', order, rejection, appended: [] };
  }

  private logRejection(orderId: string, rejection: OrderRejection): void {
    const { command, commandId, code, state } = rejection;
    this.logger.warn({ orderId, command, commandId, code, state }, rejection.message);
  }

  private async append(order: LoadedOrder, events: OrderEvent[], request: OrderCommandRequest, client: PoolClient): Promise<{ next: LoadedOrder; appended: AppendedEvent[] }> {
    if (events.length === 0) return { next: order, appended: [] };
    const enrichment: AvroEnrichment = { acceptedNotificationId: order.acceptedNotificationId, placedLines: order.placedLines, previousAddress: order.address, ...request.enrichment };
    let next = order;
    const appended: AppendedEvent[] = [];
    const rows: NewEvent[] = [];
    for (const event of events) {
      const record = toAvroRecord(event, { stateBefore: next.state, enrichment });
      next = foldEvent(next, event, record);
      const eventId = randomUUID();
      appended.push({ eventId, streamVersion: next.state.version, event, record });
      rows.push({ eventId, type: event.type, payload: encode(record.recordName, record.value), occurredAt: event.data.occurredAt, metadata: request.metadata });
    }
    await this.store.append(order.orderId, order.state.version, rows, client);
    this.cache.set(client, next);
    onCommit(client, () => {
      for (const event of events) eventsAppendedTotal.inc({ type: event.type });
    });
    return { next, appended };
  }
}
