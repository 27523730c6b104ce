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
  /** Set for a record consumed just now (not for a parked one handed back). */
  partition?: number;
}

/**
 * Payments on `oms.ingress.payments.v1`: find the order by out_trade_no, translate, decide. A
 * payment for an order not placed yet is parked and decided when the order arrives (the provider
 * does not wait for our channel feed).
 */
export class PaymentIngressService {
  private readonly deferred = new CheckoutScoped<OrderRef[]>();

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
    const deferred = this.deferred.get(client);
    if (deferred) deferred.push({ outTradeNo, orderId });
    else await this.register([{ outTradeNo, orderId }], client);
  }

  /** Collects the transaction's order registrations for one statement at {@link registerDeferred}. */
  deferRegistrations(client: PoolClient): void {
    this.deferred.set(client, []);
  }

  /** Registers the collected orders and decides their parked facts; later registrations go at once. */
  async registerDeferred(client: PoolClient): Promise<void> {
    const orders = this.deferred.take(client) ?? [];
    if (orders.length > 0) await this.register(orders, client);
  }

  /** Drops what was collected (the transaction rolls back). */
  dropDeferred(client: PoolClient): void {
    this.deferred.take(client);
  }

  private async register(orders: OrderRef[], client: PoolClient): Promise<void> {
    for (const { orderId, parked } of await this.routing.registerOrders(orders, client)) await this.decideParked(parked, orderId, client);
  }

  /** Decides parked facts for `orderId`, in parking order. */
  async decideParked(facts: ParkedPaymentFact[], orderId: string, client: PoolClient): Promise<void> {
    for (const fact of facts) {
      const message = { messageId: fact.messageId, topic: fact.topic, headers: fact.headers, traceparent: fact.headers['traceparent'], rawValue: fact.payload };
      await this.decideOrPark(decode(fact.payload) as PaymentRecord, message, orderId, client);
    }
  }

  /** Decides the payment for its order, or parks it when no committed order names its out_trade_no yet. */
  private async route(record: PaymentRecord, message: PaymentMessage, client: PoolClient): Promise<void> {
    const orderId = await this.routing.orderIdFor(record.value.outTradeNo, client);
    await this.decideOrPark(record, message, orderId, client);
  }

  private async decideOrPark(record: PaymentRecord, message: PaymentMessage, orderId: string | null, client: PoolClient): Promise<void> {
    if (orderId) {
      const request = this.translate(record, orderId, message);
      if (!request) return;
      const outcome = await this.orders.execute({ ...request, unknownOrder: 'report' }, client);
      if (outcome.kind !== 'unknown-order') return;
    }
    const outTradeNo = record.value.outTradeNo;
    this.logger.info({ outTradeNo, messageId: message.messageId, record: record.recordName }, 'payment fact parked until its order is placed');
    await this.routing.park({ messageId: message.messageId, outTradeNo, topic: message.topic, payload: message.rawValue, headers: message.headers }, client);
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
