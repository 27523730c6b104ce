import { createHash, randomBytes } from 'node:crypto';
import type { ChannelOrder, InventoryReservationResult, InvoiceConfirmation, PaymentConfirmation, PaymentNotification, RefundResult } from '@oms/contracts';
import { recordFixture } from '@oms/contracts/testing';
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
