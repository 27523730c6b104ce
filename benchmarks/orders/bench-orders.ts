import { createHash } from 'node:crypto';
import { encode, Topics, type OutgoingMessage, type RecordName, type RecordTypes } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';

/** The ids of one benchmark order; the order id is derived by the service and read back from the topic. */
export interface BenchOrder {
  n: number;
  channelOrderId: string;
  outTradeNo: string;
}

/** `count` decimal digits derived from `seed` (transaction ids, invoice numbers). */
export function digits(seed: string, count: number): string {
  const value = BigInt(`0x${createHash('sha256').update(seed).digest('hex')}`);
  return (value % 10n ** BigInt(count)).toString().padStart(count, '0');
}

function message<N extends RecordName>(prefix: string, topic: string, key: string, recordName: N, value: RecordTypes[N], id: string): OutgoingMessage {
  return { topic: `${prefix}${topic}`, key, value: encode(recordName, value), headers: { 'message-id': id, 'correlation-id': key } };
}

/**
 * The ingress records of order `n` sent up front: the channel order, the verified notification
 * and the provider's query answer. ERP's invoice and the warehouse's answer follow the service's
 * events, as in production (ERP learns the order id from `OrderPlaced`).
 */
export function orderMessages(prefix: string, runId: string, n: number): { order: BenchOrder; messages: OutgoingMessage[] } {
  const channelOrderId = `BN${runId}${n}`;
  const outTradeNo = `B${runId}N${n}`;
  const transactionId = `42${digits(`${runId}:${n}`, 26)}`;
  const channelOrder = recordFixture('ChannelOrder', { channelOrderId, outTradeNo });
  return {
    order: { n, channelOrderId, outTradeNo },
    messages: [
      message(prefix, Topics.ingressOrders, `MINI_PROGRAM:${channelOrderId}`, 'ChannelOrder', channelOrder, `co-${runId}-${n}`),
      message(prefix, Topics.ingressPayments, outTradeNo, 'PaymentNotification', recordFixture('PaymentNotification', { outTradeNo, transactionId, notificationId: `EV${runId}${n}` }), `pn-${runId}-${n}`),
      message(prefix, Topics.ingressPayments, outTradeNo, 'PaymentConfirmation', recordFixture('PaymentConfirmation', { outTradeNo, transactionId }), `pc-${runId}-${n}`),
    ],
  };
}

/** ERP's fapiao confirmation for an order it learnt of from `OrderPlaced`. */
export function invoiceMessage(prefix: string, orderId: string): OutgoingMessage {
  const value = recordFixture('InvoiceConfirmation', { orderId, invoiceNumber: digits(`inv:${orderId}`, 20) });
  return message(prefix, Topics.ingressInvoices, orderId, 'InvoiceConfirmation', value, `inv-${orderId}`);
}

/** The warehouse's RESERVED answer to a reservation request. */
export function reservationMessage(prefix: string, orderId: string, reservationId: string): OutgoingMessage {
  const value = recordFixture('InventoryReservationResult', { orderId, reservationId });
  return message(prefix, Topics.fulfillmentEvents, orderId, 'InventoryReservationResult', value, `rsv-${reservationId}`);
}
