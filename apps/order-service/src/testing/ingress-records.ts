import { createHash, randomBytes } from 'node:crypto';
import { decode, encode, type ChannelOrder, type InventoryReservationResult, type InvoiceConfirmation, type PaymentConfirmation, type PaymentNotification, type RecordName, type RecordTypes, type RefundResult } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
import type { IngressMessage } from '../ingress/ingress-record';
import { orderIdOf } from '../orders/order-id';

/** A short id for one test run, so its orders never collide with another run's. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/** `digits` decimal digits derived from `seed` (WeChat Pay transaction ids are 28–32 digits). */
function digitsOf(seed: string, digits: number): string {
  const value = BigInt(`0x${createHash('sha256').update(seed).digest('hex')}`);
  return (value % 10n ** BigInt(digits)).toString().padStart(digits, '0');
}

/** Every ingress record of one test order (number `n` of run `runId`), from the contract fixtures. */
export interface OrderRecords {
  orderId: string;
  channelOrder: ChannelOrder;
  notification: PaymentNotification;
  confirmation: PaymentConfirmation;
  invoice: InvoiceConfirmation;
  reservation(reservationId: string, outcome?: 'RESERVED' | 'FAILED'): InventoryReservationResult;
  refund(): RefundResult;
}

/**
 * One coherent order with ids unique to (runId, n): a WeChat mini-program order of 275.00 CNY,
 * paid with WeChat Pay, invoiced, reserved.
 */
export function orderRecords(runId: string, n: number): OrderRecords {
  const channelOrderId = `MP${runId}${String(n).padStart(6, '0')}`;
  const outTradeNo = `T${runId}N${n}`;
  const transactionId = `42${digitsOf(`${runId}:${n}`, 26)}`;
  const orderId = orderIdOf('MINI_PROGRAM', channelOrderId);
  const channelOrder = recordFixture('ChannelOrder', { channelOrderId, outTradeNo });
  return {
    orderId,
    channelOrder,
    notification: recordFixture('PaymentNotification', { outTradeNo, transactionId, notificationId: `EV-${runId}-${n}` }),
    confirmation: recordFixture('PaymentConfirmation', { outTradeNo, transactionId }),
    invoice: recordFixture('InvoiceConfirmation', { orderId, invoiceNumber: digitsOf(`inv:${runId}:${n}`, 20) }),
    reservation: (reservationId, outcome = 'RESERVED') =>
      recordFixture('InventoryReservationResult', {
        orderId,
        reservationId,
        outcome,
        failureReason: outcome === 'FAILED' ? 'OUT_OF_STOCK' : null,
        failureDetail: outcome === 'FAILED' ? 'CUP-GLASS-01 可用库存 0' : null,
      }),
    refund: () => recordFixture('RefundResult', { outTradeNo, transactionId, outRefundNo: `${orderId}-R`, refundAmount: channelOrder.payableTotal }),
  };
}

/** A record as the consumer hands it to a handler, for calling the ingress services directly in a transaction of the test's own. */
export function consumedRecord<N extends RecordName>(topic: string, recordName: N, value: RecordTypes[N], messageId: string): IngressMessage {
  const bytes = encode(recordName, value);
  return { topic, partition: 0, offset: '0', key: null, value: decode(bytes), rawValue: bytes, headers: { 'message-id': messageId }, timestamp: 0, traceparent: undefined, messageId, groupId: 'test' };
}
