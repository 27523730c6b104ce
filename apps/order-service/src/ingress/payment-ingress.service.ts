import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { decode, type DecodedRecord, type MessageHeaders } from '@oms/contracts';
import { CheckoutScoped } from '@oms/postgres';
import type { OrderCommandRequest } from '../orders/command-request';
import { asTransientIfLockTimeout } from '../orders/concurrency-retry';
import type { OrderCommandService } from '../orders/order-command.service';
import { commandContextOf } from './command-context';
import { expectRecord, type IngressMessage } from './ingress-record';
import { acceptNotificationRequest, completeRefundRequest, confirmPaymentRequest } from './payment.translator';
import type { OrderRef, ParkedPaymentFact, PaymentRoutingRepository } from './payment-routing.repository';

type PaymentRecord = DecodedRecord<'PaymentNotification' | 'PaymentConfirmation' | 'RefundResult'>;

/** What the service needs of a payment message, whether just consumed or parked earlier. */
interface PaymentMessage {
  messageId: string;
  topic: string;
  headers: MessageHeaders;
  traceparent: string | undefined;
  rawValue: Buffer;
}

/** A payment consumed in a chunk, waiting for the chunk's flush to learn its order. */
interface UnroutedPayment {
  record: PaymentRecord;
  message: PaymentMessage;
}

/** What a consumer chunk holds back until its flush (see {@link PaymentIngressService.deferRegistrations}). */
interface ChunkPayments {
  /** Orders it placed: their routing is written at the flush, in one statement. */
  placed: OrderRef[];
  /** Payments whose order it could not name from memory, in arrival order. */
  unrouted: UnroutedPayment[];
  /** Their out_trade_nos: a later payment of one waits behind the earlier. */
  waiting: Set<string>;
}

/**
 * Payments on `oms.ingress.payments.v1`: find the order by out_trade_no, translate, decide. A
 * payment for an order not placed yet is parked and decided when the order arrives (the provider
 * does not wait for our channel feed).
 */
export class PaymentIngressService {
  private readonly deferred = new CheckoutScoped<ChunkPayments>();

  constructor(
    private readonly routing: PaymentRoutingRepository,
    private readonly orders: OrderCommandService,
    private readonly logger: Logger,
  ) {}

  /** Handles a consumed payment record inside the batch transaction. */
  async handle(message: IngressMessage, client: PoolClient): Promise<void> {
    const record = expectRecord(message, 'PaymentNotification', 'PaymentConfirmation', 'RefundResult');
    await this.route(record, message, client).catch((error: unknown) => {
      throw asTransientIfLockTimeout(error); // an append waiting on another batch's uncommitted event
    });
  }

  /**
   * Routes `outTradeNo` to an order just placed and decides the payment facts parked for it — at
   * once, or, in a transaction that {@link deferRegistrations}, with the rest of its chunk's orders
   * in {@link registerDeferred}.
   */
  async releaseParked(outTradeNo: string, orderId: string, client: PoolClient): Promise<void> {
    const chunk = this.deferred.get(client);
    if (chunk) chunk.placed.push({ outTradeNo, orderId });
    else await this.register([{ outTradeNo, orderId }], client);
  }

  /**
   * From now until {@link registerDeferred}, the transaction collects its orders' registrations,
   * and the payments it cannot route from memory, for the flush: one statement each instead of
   * one or two round trips per payment while the chunk runs.
   */
  deferRegistrations(client: PoolClient): void {
    this.deferred.set(client, { placed: [], unrouted: [], waiting: new Set() });
  }

  /**
   * Registers the collected orders and decides their parked facts, then routes the collected
   * payments — those whose order is still unknown are parked; later registrations and payments
   * go at once.
   */
  async registerDeferred(client: PoolClient): Promise<void> {
    const chunk = this.deferred.take(client);
    if (!chunk) return;
    // Facts parked by earlier transactions are older than this chunk's payments: decided first.
    const registered = chunk.placed.length > 0 ? await this.register(chunk.placed, client) : new Map<string, string>();
    if (chunk.unrouted.length > 0) await this.routeAll(chunk.unrouted, registered, client);
  }

  /** Drops what was collected (the transaction rolls back). */
  dropDeferred(client: PoolClient): void {
    this.deferred.take(client);
  }

  /** Routes the orders and decides the facts parked for them; answers out_trade_no → order id of those it registered. */
  private async register(orders: OrderRef[], client: PoolClient): Promise<Map<string, string>> {
    const registered = new Map<string, string>();
    for (const { outTradeNo, orderId, parked } of await this.routing.registerOrders(orders, client)) {
      registered.set(outTradeNo, orderId);
      await this.decideParked(parked, orderId, client);
    }
    return registered;
  }

  /** Decides parked facts for `orderId`, in parking order. */
  async decideParked(facts: ParkedPaymentFact[], orderId: string, client: PoolClient): Promise<void> {
    for (const fact of facts) {
      const message = { messageId: fact.messageId, topic: fact.topic, headers: fact.headers, traceparent: fact.headers['traceparent'], rawValue: fact.payload };
      const record = decode(fact.payload) as PaymentRecord;
      if (!(await this.decide(record, message, orderId, client))) await this.park([{ record, message }], client);
    }
  }

  /**
   * Decides the payment for its order, or parks it when no committed order names its out_trade_no
   * yet. In a chunk, a payment whose order this process does not know from memory — or behind
   * one of its out_trade_no that waits — waits for the flush ({@link registerDeferred}).
   */
  private async route(record: PaymentRecord, message: PaymentMessage, client: PoolClient): Promise<void> {
    const outTradeNo = record.value.outTradeNo;
    const chunk = this.deferred.get(client);
    if (chunk) {
      const known = chunk.waiting.has(outTradeNo) ? null : this.routing.knownOrderOf(outTradeNo);
      if (known) {
        if (await this.decide(record, message, known, client)) return;
        // The stream is not there yet (a route without its order's events): wait with the rest.
      }
      chunk.unrouted.push({ record, message });
      chunk.waiting.add(outTradeNo);
      return;
    }
    const orderId = await this.routing.orderIdFor(outTradeNo, client);
    if (!(orderId && (await this.decide(record, message, orderId, client)))) await this.park([{ record, message }], client);
  }

  /**
   * The flush's share of {@link route}: the orders the chunk just `registered` need no lookup, the
   * others one for all; one statement for those parked.
   */
  private async routeAll(payments: UnroutedPayment[], registered: ReadonlyMap<string, string>, client: PoolClient): Promise<void> {
    const unknown = [...new Set(payments.map(({ record }) => record.value.outTradeNo))].filter((outTradeNo) => !registered.has(outTradeNo));
    const orderIds = new Map([...registered, ...(unknown.length > 0 ? await this.routing.orderIdsFor(unknown, client) : [])]);
    const unplaced: UnroutedPayment[] = [];
    const parked = new Set<string>();
    for (const payment of payments) {
      const outTradeNo = payment.record.value.outTradeNo;
      // Behind a payment of its out_trade_no that is parked, a payment is parked too: kept in order.
      const orderId = parked.has(outTradeNo) ? undefined : orderIds.get(outTradeNo);
      if (orderId && (await this.decide(payment.record, payment.message, orderId, client))) continue;
      unplaced.push(payment);
      parked.add(outTradeNo);
    }
    if (unplaced.length > 0) await this.park(unplaced, client);
  }

  /** Decides the payment for `orderId`; false when that order has no stream yet (the fact must be parked). */
  private async decide(record: PaymentRecord, message: PaymentMessage, orderId: string, client: PoolClient): Promise<boolean> {
    const request = this.translate(record, orderId, message);
    if (!request) return true;
    const outcome = await this.orders.execute({ ...request, unknownOrder: 'report' }, client);
    return outcome.kind !== 'unknown-order';
  }

  private async park(payments: UnroutedPayment[], client: PoolClient): Promise<void> {
    for (const { record, message } of payments) {
      this.logger.info({ outTradeNo: record.value.outTradeNo, messageId: message.messageId, record: record.recordName }, 'payment fact parked until its order is placed');
    }
    await this.routing.park(
      payments.map(({ record, message }) => ({ messageId: message.messageId, outTradeNo: record.value.outTradeNo, topic: message.topic, payload: message.rawValue, headers: message.headers })),
      client,
    );
  }

  /** The command of a payment record; null for a refund still processing (nothing to decide yet). */
  private translate(record: PaymentRecord, orderId: string, message: PaymentMessage): OrderCommandRequest | null {
    const context = commandContextOf(message, `provider:${record.value.provider}`);
    switch (record.recordName) {
      case 'PaymentNotification':
        return acceptNotificationRequest(record.value, orderId, context, message.topic);
      case 'PaymentConfirmation':
        return confirmPaymentRequest(record.value, orderId, context, message.topic);
      case 'RefundResult': {
        const request = completeRefundRequest(record.value, orderId, context, message.topic);
        if (!request) this.logger.info({ orderId, outRefundNo: record.value.outRefundNo }, 'refund still processing; waiting for its outcome');
        return request;
      }
    }
  }
}
